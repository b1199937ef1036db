"""Roster CSV: parsing rules (pure), dry run, import report, malformed files, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cohorts import joining
from cohorts.models import Membership, RosterEntry
from cohorts.roster_csv import MAX_ROWS, decode, parse

from .conftest import make_user


def test_header_row_is_optional_and_columns_follow_it():
    with_header = parse("name,email\nAda,ADA@example.org\n")
    without = parse("ada@example.org,Ada\n")
    assert [(r.line, r.email, r.name) for r in with_header.rows] == [(2, "ada@example.org", "Ada")]
    assert [(r.line, r.email, r.name) for r in without.rows] == [(1, "ada@example.org", "Ada")]


def test_a_bom_is_accepted_and_other_encodings_are_refused():
    assert decode("\ufeffemail\nada@example.org\n".encode())[0].startswith("email")
    text, problem = decode("email\nzoë@example.org\n".encode("latin-1"))
    assert text == "" and "not UTF-8" in problem and "position 9" in problem


def test_a_header_without_an_email_column_is_refused():
    assert "no 'email' column" in parse("mail,name\nx@example.org,X\n").refused


def test_bad_rows_are_reported_by_line():
    parsed = parse(
        'email,name\nnot-an-email,X\n=HYPERLINK("http://evil"),Y\n\nok@example.org,+cmd\n'
        "ok2@example.org,Z\nOK2@example.org,again\n,Nobody\n"
    )
    assert parsed.invalid == [
        (2, "Not a valid email address."),
        (3, "Looks like a spreadsheet formula, not an email and name."),
        (5, "Looks like a spreadsheet formula, not an email and name."),
        (7, "Repeats the email of line 6."),
        (8, "No email."),
    ]
    assert [r.email for r in parsed.rows] == ["ok2@example.org"]


def test_too_many_rows_are_refused_whole():
    text = "".join(f"learner{i}@example.org,Learner {i}\n" for i in range(50_000))
    parsed = parse(text)
    assert f"more than {MAX_ROWS:,} rows" in parsed.refused
    assert decode(text.encode())[1].startswith("The file is larger than 1 MB")


@pytest.fixture
def as_teacher(client, teacher):
    client.force_login(teacher)
    return client


def upload(client, cohort, content: bytes):
    url = f"/teach/cohorts/{cohort.pk}/roster/preview/"
    return client.post(url, {"file": SimpleUploadedFile("r.csv", content, "text/csv")})


@pytest.mark.django_db
def test_preview_then_import_adds_pre_assigns_and_reports(as_teacher, cohort, teacher):
    make_user("has", email="Has@Example.org")
    member = make_user("member", email="member@example.org")
    joining.join(cohort=cohort, user=member, share_before_joining=False)
    content = (
        "\ufeffemail,name\nhas@example.org,Has\nnew@example.org,New\nmember@example.org,M\n"
        "tess@x,T\nbad,B\n"
    ).encode()
    preview = upload(as_teacher, cohort, content)
    page = preview.content.decode()
    assert "Roster preview" in page and "Nothing has changed yet" in page
    assert "Line 6" in page and "Not a valid email address." in page
    assert Membership.objects.filter(cohort=cohort).count() == 1  # dry run: nothing saved
    assert not RosterEntry.objects.exists()
    result = as_teacher.post(f"/teach/cohorts/{cohort.pk}/roster/import/")
    plan = result.context["plan"]
    assert (
        [r.email for r in plan.added],
        [r.email for r in plan.preassigned],
        [r.email for r in plan.already],
    ) == (["has@example.org"], ["new@example.org"], ["member@example.org"])
    assert "Roster imported" in result.content.decode()
    assert Membership.objects.filter(cohort=cohort, user__username="has").exists()
    assert RosterEntry.objects.get().email == "new@example.org"
    again = as_teacher.post(f"/teach/cohorts/{cohort.pk}/roster/import/")
    assert "There was no roster to import" in again.content.decode()  # a second post adds nothing
    upload(as_teacher, cohort, content)
    again = as_teacher.post(f"/teach/cohorts/{cohort.pk}/roster/import/")
    assert len(again.context["plan"].already) == 3  # importing twice changes nothing


@pytest.mark.django_db
def test_formula_cells_are_never_echoed_unescaped(as_teacher, cohort):
    page = upload(as_teacher, cohort, b'email,name\n"<b>x</b>@e.org",=HYPERLINK("x")\n')
    assert "<b>x</b>" not in page.content.decode()
    assert "Line 2" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("email\nzoë@example.org\n".encode("utf-16"), "not UTF-8"),
        (b"who,name\nx@example.org,X\n", "no &#x27;email&#x27; column"),
        ("".join(f"l{i}@e.org\n" for i in range(6_000)).encode(), "more than 5,000 rows"),
    ],
)
def test_malformed_rosters_are_refused_and_nothing_is_imported(
    as_teacher, cohort, content, message
):
    response = upload(as_teacher, cohort, content)
    assert response.status_code == 422
    assert (
        message in response.content.decode() and "Nothing was imported" in response.content.decode()
    )
    forged = as_teacher.post(
        f"/teach/cohorts/{cohort.pk}/roster/import/",
        {"roster_text": content.decode("utf-8", "replace")},
    )
    assert forged.status_code in {413, 422}  # a posted roster is never read
    assert not RosterEntry.objects.exists() and not Membership.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(as_teacher, cohort):
    response = as_teacher.post(f"/teach/cohorts/{cohort.pk}/roster/preview/", {})
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()
    empty = as_teacher.post(f"/teach/cohorts/{cohort.pk}/roster/import/")
    assert "There was no roster to import" in empty.content.decode()


@pytest.mark.django_db
def test_an_import_that_would_overfill_the_seats_is_refused(as_teacher, cohort):
    cohort.seat_limit = 1
    cohort.save()
    make_user("one", email="one@example.org")
    make_user("two", email="two@example.org")
    response = upload(as_teacher, cohort, b"one@example.org\ntwo@example.org\n")
    assert response.status_code == 422
    assert "would put 2 learners in a cohort of 1 seats" in response.content.decode()
    assert not Membership.objects.exists()
