"""Reading progress: opening, completing, continuing, guests, merging, and bad input."""

import csv
import io
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection

from courses.catalog import get_course
from courses.models import PracticeMark, SectionProgress
from courses.progress import Status, summarize
from courses.records import ReadingRecord

CH = "/chapters/networking-security/"
S1, S2, S3, S4 = "hpc-networking", "network-policies", "security-practices", "data-compliance"
pytestmark = pytest.mark.django_db


def complete_url(section: str) -> str:
    return f"{CH}{section}/complete/"


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("lin", password="a-long-pass-phrase-1")
    client.force_login(user)
    return user


def record(section: str, opened_minutes: int, completed: bool = False) -> ReadingRecord:
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=opened_minutes)
    return ReadingRecord(
        chapter_id="networking-security",
        section_id=section,
        version="v",
        opened_at=at,
        completed_at=at if completed else None,
    )


# --- pure rules -------------------------------------------------------------------------------


def test_continue_starts_at_the_first_section_when_nothing_is_opened():
    chapter = get_course().chapter("networking-security")
    assert summarize(chapter, []).continue_to.id == S1


def test_continue_goes_to_first_unfinished_section_from_the_last_opened():
    chapter = get_course().chapter("networking-security")
    records = [record(S1, 1, True), record(S3, 5, True), record(S2, 3)]
    summary = summarize(chapter, records)
    assert summary.continue_to.id == S4  # last opened is S3 (complete), next unfinished is S4
    assert summary.completed == 2
    assert summary.percent == 50


def test_continue_wraps_to_earlier_unfinished_sections():
    chapter = get_course().chapter("networking-security")
    records = [record(S4, 9, True), record(S1, 1, True), record(S3, 2, True)]
    assert summarize(chapter, records).continue_to.id == S2


def test_a_finished_chapter_has_nowhere_to_continue():
    chapter = get_course().chapter("networking-security")
    records = [record(s, i, True) for i, s in enumerate([S1, S2, S3, S4])]
    assert summarize(chapter, records).continue_to is None


def test_removed_sections_stay_in_history_as_retired():
    chapter = get_course().chapter("networking-security")
    summary = summarize(chapter, [record("old-section", 1, True), record(S1, 2)])
    assert [r.section_id for r in summary.retired] == ["old-section"]
    assert summary.state(S1).status == Status.OPENED


# --- learners ---------------------------------------------------------------------------------


def test_opening_a_section_records_it_once_with_its_version(client, learner):
    client.get(f"{CH}{S1}/")
    client.get(f"{CH}{S1}/")
    row = SectionProgress.objects.get(user=learner)
    assert (row.section_id, row.completed_at) == (S1, None)
    assert row.content_version == get_course().chapter("networking-security").section(S1).version


def test_mark_complete_is_idempotent_and_shows_on_the_page(client, learner):
    for _ in range(3):
        response = client.post(complete_url(S2))
        assert response.status_code == 302
    assert SectionProgress.objects.filter(user=learner, completed_at__isnull=False).count() == 1
    page = client.get(f"{CH}{S2}/").content.decode()
    assert "Completed on" in page
    assert "25% · 1 of 4 sections complete" in page


def test_mark_complete_with_htmx_swaps_box_and_navigation(client, learner):
    response = client.post(complete_url(S1), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert '<section id="completion"' in html
    assert 'id="section-nav"' in html and 'hx-swap-oob="true"' in html
    assert "25% · 1 of 4" in html
    assert "no-store" in response["Cache-Control"]


def test_chapter_and_home_offer_continue(client, learner):
    client.get(f"{CH}{S1}/")
    client.post(complete_url(S1))
    client.get(f"{CH}{S2}/")
    chapter = client.get(CH).content.decode()
    assert "Continue: Network Policies and Isolation" in chapter
    assert "Continue: Network Policies and Isolation" in client.get("/").content.decode()


def test_your_progress_lists_sections_with_dates_and_practice(client, learner):
    client.post(complete_url(S1))
    client.post(
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/1/", {"done": "1"}
    )
    client.post(
        "/guides/k8s-gpu-security/interview/crypto-mining-incident/", {"rating": "could_answer"}
    )
    page = client.get("/progress/")
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "25% · 1 of 4 sections complete" in html
    assert "Started" in html
    assert "project steps done" in html
    assert "I could answer this" in html


def test_practice_steps_tick_and_untick(client, learner):
    url = "/guides/k8s-gpu-security/projects/harden-serving-container/steps/2/"
    client.post(url, {"done": "1"})
    client.post(url, {"done": "1"})
    assert PracticeMark.objects.filter(user=learner).count() == 1
    response = client.post(url, {"done": "0"}, HTTP_HX_REQUEST="true")
    assert PracticeMark.objects.filter(user=learner).count() == 0
    assert 'aria-pressed="false"' in response.content.decode()


def test_exports_contain_my_progress_as_json_and_csv(client, learner):
    client.post(complete_url(S3))
    data = json.loads(client.get("/progress/export.json").content)
    assert data["account"]["username"] == "lin"
    assert data["reading"][0]["section_id"] == S3
    assert data["reading"][0]["section_title"]
    assert data["reading"][0]["completed_at"].endswith("Z")
    response = client.get("/progress/export.csv")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    section = next(r for r in rows if r["record_type"] == "section")
    assert (section["chapter_id"], section["section_id"]) == ("networking-security", S3)
    assert section["finished_at"]


# --- guests and merging -----------------------------------------------------------------------


def test_plain_reader_is_not_tracked_and_gets_no_session(client):
    client.get(f"{CH}{S1}/")
    assert "sessionid" not in client.cookies
    assert "Not started" in client.get(CH).content.decode()


def test_guest_progress_is_kept_under_their_key_then_merged_on_sign_up(client):
    client.post(complete_url(S1))
    client.get(f"{CH}{S2}/")  # tracked now: opened
    client.post(
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/1/", {"done": "1"}
    )
    assert "25% · 1 of 4" in client.get(CH).content.decode()
    client.post(
        "/accounts/signup/",
        {
            "username": "gus",
            "password1": "a-long-pass-phrase-2",
            "password2": "a-long-pass-phrase-2",
        },
    )
    user = User.objects.get(username="gus")
    rows = {r.section_id: r for r in SectionProgress.objects.filter(user=user)}
    assert rows[S1].completed_at is not None
    assert rows[S2].completed_at is None
    assert PracticeMark.objects.filter(user=user).count() == 1
    assert not SectionProgress.objects.filter(user__isnull=True).exists()  # moved, not copied
    assert user.groups.filter(name="Learner").exists()


def test_merging_keeps_the_furthest_state_and_duplicates_nothing(client):
    user = User.objects.create_user("mia", password="a-long-pass-phrase-3")
    early = datetime(2026, 1, 1, tzinfo=UTC)
    SectionProgress.objects.create(
        user=user,
        chapter_id="networking-security",
        section_id=S1,
        content_version="v",
        opened_at=early,
        completed_at=None,
    )
    SectionProgress.objects.create(
        user=user,
        chapter_id="networking-security",
        section_id=S2,
        content_version="v",
        opened_at=early,
        completed_at=early,
    )
    client.post(complete_url(S1))  # as a guest: S1 completed
    client.get(f"{CH}{S2}/")  # as a guest: S2 only opened
    response = client.post(
        "/accounts/login/", {"username": "mia", "password": "a-long-pass-phrase-3"}
    )
    assert response.status_code == 302
    rows = {r.section_id: r for r in SectionProgress.objects.filter(user=user)}
    assert len(rows) == 2
    assert rows[S1].completed_at is not None  # guest's completion wins over "opened"
    assert rows[S1].opened_at == early  # the earlier opening is kept
    assert rows[S2].completed_at == early  # the account's completion is kept


# --- bad input --------------------------------------------------------------------------------


def test_get_on_a_state_changing_url_only_asks_to_confirm_and_writes_nothing(client, learner):
    page = client.get(complete_url(S1))
    assert page.status_code == 200
    assert "as complete?" in page.content.decode()
    rating = "/guides/k8s-gpu-security/interview/crypto-mining-incident/?rating=needs_work"
    assert client.get(rating).status_code == 200
    assert client.put(complete_url(S1)).status_code == 405
    assert not SectionProgress.objects.exists()


def test_post_without_csrf_token_is_403_and_writes_nothing(learner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(complete_url(S1)).status_code == 403
    assert not SectionProgress.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/chapters/networking-security/no-such-section/complete/",
        "/chapters/no-such-chapter/hpc-networking/complete/",
        "/guides/k8s-gpu-security/projects/no-such-project/steps/1/",
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/99/",
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/0/",
        "/guides/k8s-gpu-security/interview/no-such-question/",
        "/guides/no-such-guide/interview/crypto-mining-incident/",
    ],
)
def test_made_up_ids_are_404_and_write_nothing(client, learner, url):
    assert client.post(url, {"done": "1", "rating": "needs_work"}).status_code == 404
    assert not SectionProgress.objects.exists()
    assert not PracticeMark.objects.exists()


def test_unknown_rating_is_422_and_writes_nothing(client, learner):
    url = "/guides/k8s-gpu-security/interview/crypto-mining-incident/"
    assert client.post(url, {"rating": "genius"}).status_code == 422
    assert not PracticeMark.objects.exists()


def test_extra_fields_like_user_id_are_ignored(client, learner):
    other = User.objects.create_user("other", password="a-long-pass-phrase-4")
    client.post(complete_url(S1), {"user_id": other.pk, "user": other.pk, "completed_at": "2000"})
    assert SectionProgress.objects.get().user == learner
    assert not SectionProgress.objects.filter(user=other).exists()


def test_a_learner_never_sees_another_learners_progress(client, learner):
    other = User.objects.create_user("other", password="a-long-pass-phrase-5")
    SectionProgress.objects.create(
        user=other,
        chapter_id="networking-security",
        section_id=S4,
        content_version="v",
        opened_at=datetime.now(UTC),
        completed_at=datetime.now(UTC),
    )
    assert "0% · 0 of 4" in client.get("/progress/").content.decode()
    assert json.loads(client.get("/progress/export.json").content)["reading"] == []
    assert client.get(f"/progress/export.json?user={other.pk}").status_code == 200
    assert json.loads(client.get(f"/progress/export.json?user={other.pk}").content)["reading"] == []


# --- budgets and concurrency ------------------------------------------------------------------


def test_signed_in_section_page_uses_at_most_4_queries(
    client, learner, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):  # + the learner's cohorts' activity stamp
        client.get(f"{CH}{S1}/")  # first open: inserts the row
    with django_assert_max_num_queries(4):
        client.get(f"{CH}{S1}/")


def test_marking_complete_uses_at_most_6_queries(client, learner, django_assert_max_num_queries):
    # 5, plus the UPDATE of the learner's cohorts' activity stamp (cohorts/activity.py)
    with django_assert_max_num_queries(6):
        client.post(complete_url(S1), HTTP_HX_REQUEST="true")
    with django_assert_max_num_queries(6):
        client.post(complete_url(S1), HTTP_HX_REQUEST="true")  # already complete


@pytest.mark.django_db(transaction=True)
def test_concurrent_marks_of_one_section_leave_exactly_one_row():
    from django.test import Client

    assert connection.vendor != "sqlite" or "memory" not in connection.settings_dict["NAME"]
    user = User.objects.create_user("race", password="a-long-pass-phrase-6")
    barrier = threading.Barrier(8)
    statuses = []

    def mark() -> None:
        c = Client()
        c.force_login(user)
        barrier.wait()
        statuses.append(c.post(complete_url(S1)).status_code)
        statuses.append(c.post(complete_url(S1), HTTP_HX_REQUEST="true").status_code)
        connection.close()

    threads = [threading.Thread(target=mark) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(statuses)) == [200, 302]
    assert SectionProgress.objects.filter(user=user).count() == 1
    assert SectionProgress.objects.get(user=user).completed_at is not None


def test_a_completion_that_meets_a_just_opened_row_is_kept(client, learner):
    from courses import reading
    from courses.owners import Owner

    chapter = get_course().chapter("networking-security")
    section = chapter.section(S1)
    who = Owner(user_id=learner.pk, guest_key="")
    reading._insert(who, chapter, section, completed=False)  # opened by another request
    who = Owner(user_id=learner.pk, guest_key="")
    reading._insert(who, chapter, section, completed=True)  # the mark's fallback insert
    assert SectionProgress.objects.get(user=learner).completed_at is not None


@pytest.mark.django_db
def test_owned_rows_are_exactly_the_owners_and_filter_by_column():
    """The fixed statement behind every progress read: exactly one owner's rows."""
    from courses.owners import Owner, owned

    kim, lee = User.objects.create_user("kim-o"), User.objects.create_user("lee-o")
    now = datetime.now(UTC)

    def row(chapter: str = "c1", **who: object) -> SectionProgress:
        section = f"s{SectionProgress.objects.count()}"
        return SectionProgress.objects.create(
            **who, chapter_id=chapter, section_id=section, opened_at=now
        )

    mine = [row(user=kim), row(user=kim, chapter="c2")]
    row(user=lee)
    guest = row(guest_key="g-1")
    row(guest_key="g-2x")
    assert [r.pk for r in owned(SectionProgress, Owner(user_id=kim.pk, guest_key=""))] == [
        r.pk for r in mine
    ]
    only = owned(SectionProgress, Owner(user_id=kim.pk, guest_key=""), chapter_id="c2")
    assert [r.pk for r in only] == [mine[1].pk]
    as_guest = owned(SectionProgress, Owner(user_id=None, guest_key="g-1"))
    assert [r.pk for r in as_guest] == [guest.pk]
    assert list(owned(SectionProgress, Owner(user_id=None, guest_key="g-2"))) == []
