"""The overview's ETag and cached report follow the cohort's activity stamp, and nothing else."""

import pytest
from django.test import Client
from django.urls import reverse

from cohorts import joining
from tests.quiz.test_attempts import answer_tokens, start, submit_all

from .conftest import make_user
from .dashboard_helpers import learner, poll

pytestmark = pytest.mark.django_db
SECTION_URL = "/chapters/networking-security/hpc-networking/"


def test_an_unchanged_poll_is_304_until_a_learner_submits(watched):
    client, ann, url = watched
    etag = poll(client, url)["ETag"]
    assert poll(client, url, etag).status_code == 304
    ann.get(SECTION_URL.replace("hpc-networking/", ""))  # a chapter page: nothing the cohort sees
    assert poll(client, url, etag).status_code == 304
    public_id = start(ann)
    assert poll(client, url, etag).status_code == 304  # started, not submitted
    submit_all(ann, public_id, answer_tokens(ann, public_id, right=True))
    changed = poll(client, url, etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Pre done" in changed.content.decode()


def test_reading_and_undoing_it_change_the_etag(watched):
    client, ann, url = watched
    etag = poll(client, url)["ETag"]
    ann.get(SECTION_URL)  # first open
    opened = poll(client, url, etag)
    assert opened.status_code == 200
    ann.post(f"{SECTION_URL}complete/")
    completed = poll(client, url, opened["ETag"])
    assert completed.status_code == 200 and "1 / 4" in completed.content.decode()
    ann.post(f"{SECTION_URL}complete/undo/")
    undone = poll(client, url, completed["ETag"])
    assert undone.status_code == 200 and "0 / 4" in undone.content.decode()


def test_joining_and_leaving_change_the_etag_and_the_figures(watched, cohort):
    client, _, url = watched
    etag = poll(client, url)["ETag"]
    bob = learner(cohort, "bob")
    joined = poll(client, url, etag)
    assert joined.status_code == 200 and ">bob</a>" in joined.content.decode()
    joining.leave(membership=joining.membership_of(cohort, bob))
    left = poll(client, url, joined["ETag"])
    assert left.status_code == 200 and ">bob</a>" not in left.content.decode()


def test_another_cohorts_activity_does_not_change_this_etag(watched, other_cohort):
    client, _, url = watched
    etag = poll(client, url)["ETag"]
    elsewhere = Client()
    elsewhere.force_login(learner(other_cohort, "stranger"))
    elsewhere.get(SECTION_URL)
    assert poll(client, url, etag).status_code == 304


def test_the_cache_never_serves_a_cohort_to_another_instructor(client, cohort, other_cohort):
    learner(cohort, "ann")
    otto = make_user("otto2", instructor=True)
    client.force_login(otto)
    assert client.get(reverse("cohorts:overview", args=[cohort.pk])).status_code == 404
    assert poll(client, reverse("cohorts:overview", args=[cohort.pk])).status_code == 404


def test_the_report_key_names_the_cohort_and_moves_with_its_stamp(cohort, other_cohort):
    from django.utils import timezone

    from cohorts.activity import touch
    from reports.cohort_cache import report_key

    now = timezone.now()
    first = report_key(cohort, "networking-security", now)
    assert first != report_key(other_cohort, "networking-security", now)
    assert first.startswith(f"cohort-report:{cohort.pk}:")
    touch(cohort_id=cohort.pk)
    cohort.refresh_from_db()
    assert report_key(cohort, "networking-security", now) != first
