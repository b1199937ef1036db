"""Instructor home and cohort page: create, settings, codes, archive, co-instructors, privacy."""

import pytest

from cohorts import joining
from cohorts.models import Cohort
from cohorts.roles import set_instructor

from .conftest import CH, PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_teacher(client, teacher):
    client.force_login(teacher)
    return client


def cohort_urls(pk: int) -> list[tuple[str, str]]:
    base = f"/teach/cohorts/{pk}/"
    posts = [
        "settings/",
        "regenerate/",
        "archive/",
        "instructors/",
        "roster/preview/",
        "roster/import/",
    ]
    return [("get", base)] + [("post", base + p) for p in posts]


def test_creating_a_cohort_from_the_home(as_teacher, teacher):
    response = as_teacher.post("/teach/cohorts/new/", {"name": "Autumn", "chapters": [CH]})
    cohort = Cohort.objects.get(name="Autumn")
    assert response["Location"] == f"/teach/cohorts/{cohort.pk}/"
    page = as_teacher.get(response["Location"]).content.decode()
    assert cohort.join_code in page and cohort.invite_token in page
    assert "Cohort “Autumn” created" in page
    assert "Autumn" in as_teacher.get("/teach/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": " ", "chapters": [CH]}, "This field is required"),
        ({"name": "X", "chapters": ["no-such-chapter"]}, "Select a valid choice"),
        ({"name": "X"}, "This field is required"),
        ({"name": "X", "chapters": [CH], "seat_limit": "0"}, "greater than or equal to 1"),
        ({"name": "X", "chapters": [CH], "closes_on": "tomorrow"}, "Enter a valid date"),
    ],
)
def test_bad_cohort_input_is_a_clear_error(as_teacher, data, message):
    response = as_teacher.post("/teach/cohorts/new/", data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Cohort.objects.exists()


def test_settings_save_and_close_the_code(as_teacher, cohort):
    data = {"name": "Renamed", "chapters": [CH], "seat_limit": "30", "link_open": "on"}
    as_teacher.post(f"/teach/cohorts/{cohort.pk}/settings/", data)
    cohort.refresh_from_db()
    assert (cohort.name, cohort.seat_limit, cohort.code_open, cohort.link_open) == (
        "Renamed",
        30,
        False,
        True,
    )
    assert "of 30 seats" in as_teacher.get(f"/teach/cohorts/{cohort.pk}/").content.decode()


def test_bad_settings_keep_the_page_with_errors(as_teacher, cohort):
    response = as_teacher.post(
        f"/teach/cohorts/{cohort.pk}/settings/", {"name": "", "chapters": []}
    )
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()


def test_regenerating_the_code_replaces_it(as_teacher, cohort):
    old = cohort.join_code
    as_teacher.post(f"/teach/cohorts/{cohort.pk}/regenerate/", {"what": "code"})
    cohort.refresh_from_db()
    assert cohort.join_code != old
    bad = as_teacher.post(f"/teach/cohorts/{cohort.pk}/regenerate/", {"what": "x"}, follow=True)
    assert "Choose the code or the link" in bad.content.decode()


def test_archived_cohorts_are_read_only_and_hidden_from_the_home(as_teacher, cohort):
    as_teacher.post(f"/teach/cohorts/{cohort.pk}/archive/", {"archived": "1"})
    assert "Spring 2026" not in as_teacher.get("/teach/").content.decode()
    assert "Spring 2026" in as_teacher.get("/teach/?archived=1").content.decode()
    old = cohort.join_code
    response = as_teacher.post(
        f"/teach/cohorts/{cohort.pk}/regenerate/", {"what": "code"}, follow=True
    )
    assert "archived, so it is read-only" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.join_code == old


def test_adding_a_co_instructor_needs_the_instructor_role(as_teacher, cohort, other_teacher):
    make_user("plain")
    response = as_teacher.post(f"/teach/cohorts/{cohort.pk}/instructors/", {"username": "plain"})
    assert response.status_code == 422
    assert "does not have the instructor role" in response.content.decode()
    missing = as_teacher.post(f"/teach/cohorts/{cohort.pk}/instructors/", {"username": "ghost"})
    assert "No account has that username" in missing.content.decode()
    as_teacher.post(f"/teach/cohorts/{cohort.pk}/instructors/", {"username": "otto"})
    assert set(cohort.instructors.values_list("username", flat=True)) == {"tess", "otto"}


def test_the_roster_lists_active_learners_only(as_teacher, cohort):
    stays, goes = make_user("stays"), make_user("goes")
    joining.join(cohort=cohort, user=stays, share_before_joining=False)
    joining.leave(membership=joining.join(cohort=cohort, user=goes, share_before_joining=False))
    page = as_teacher.get(f"/teach/cohorts/{cohort.pk}/").content.decode()
    assert "stays" in page and ">goes<" not in page


def test_every_instructor_url_is_404_for_another_instructor(client, other_teacher, cohort):
    client.force_login(other_teacher)
    for method, url in cohort_urls(cohort.pk):
        assert getattr(client, method)(url).status_code == 404, url
    assert "Spring 2026" not in client.get("/teach/").content.decode()


def test_every_teach_url_is_404_for_a_learner(client, cohort):
    learner = make_user("lee")
    joining.join(cohort=cohort, user=learner, share_before_joining=False)
    client.force_login(learner)
    urls = [("get", "/teach/"), ("post", "/teach/cohorts/new/"), *cohort_urls(cohort.pk)]
    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url


def test_guests_are_sent_to_log_in(client, cohort):
    assert client.get("/teach/")["Location"].startswith("/accounts/login/?next=/teach/")


def test_get_is_refused_on_action_urls(as_teacher, cohort):
    assert as_teacher.get(f"/teach/cohorts/{cohort.pk}/settings/").status_code == 405


def test_the_header_shows_teach_only_to_instructors(client, teacher):
    client.post("/accounts/login/", {"username": "tess", "password": PASSWORD})
    assert ">Teach</a>" in client.get("/progress/").content.decode()
    home = client.get("/teach/").content.decode()
    assert 'href="/teach/" aria-current="page">Teach</a>' in home
    assert 'aria-current="page">Courses' not in home
    client.post("/accounts/logout/")
    make_user("lee")
    client.post("/accounts/login/", {"username": "lee", "password": PASSWORD})
    assert ">Teach</a>" not in client.get("/progress/").content.decode()


def test_a_role_granted_while_signed_in_shows_teach_after_visiting_teach(client):
    lee = make_user("lee")
    client.force_login(lee)
    set_instructor(user=lee, instructor=True)
    client.get("/teach/")
    assert ">Teach</a>" in client.get("/progress/").content.decode()
    set_instructor(user=lee, instructor=False)
    assert client.get("/teach/").status_code == 404
    assert ">Teach</a>" not in client.get("/progress/").content.decode()


def test_posts_need_a_csrf_token(teacher, cohort):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(teacher)
    assert strict.post(f"/teach/cohorts/{cohort.pk}/archive/", {"archived": "1"}).status_code == 403
    cohort.refresh_from_db()
    assert not cohort.archived
