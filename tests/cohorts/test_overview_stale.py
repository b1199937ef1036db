"""Stale while revalidating: a busy cohort's overview shows the last report while the worker
computes the new one, says so, polls sooner, and shows the new figures as soon as they exist."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reports.cohort_cache import Latest, _latest_key, refresh, served_report
from tests.quiz.test_attempts import answer_tokens, start, submit_all

from .conftest import CH
from .dashboard_helpers import poll

pytestmark = pytest.mark.django_db
STALE_NOTE = "Newer activity is being counted"


@pytest.fixture
def stale_ok(settings):
    settings.STUDYHALL_REPORT_STALE_SECONDS = 120
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def refreshes() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="refresh_cohort_report").count()


def submit(ann) -> None:
    public_id = start(ann)
    submit_all(ann, public_id, answer_tokens(ann, public_id, right=True))


def test_new_activity_is_served_stale_once_then_fresh_after_the_refresh(stale_ok, watched, cohort):
    client, ann, url = watched
    first = poll(client, url)
    assert ">0</dd>" in first.content.decode().split("Pre done")[1][:40]
    submit(ann)
    page = client.get(url).content.decode()
    assert STALE_NOTE in page and 'data-hx-trigger="every 5s' in page
    assert poll(client, url, first["ETag"]).status_code == 304  # same figures: same ETag
    assert refreshes() == 1  # one refresh however many views ask
    refresh(cohort.pk, CH, timezone.now())  # what the worker does
    fresh = poll(client, url, first["ETag"])
    body = fresh.content.decode()
    assert fresh.status_code == 200 and STALE_NOTE not in body
    assert ">1</dd>" in body.split("Pre done")[1][:40] and 'data-hx-trigger="every 30s' in body
    assert poll(client, url, fresh["ETag"]).status_code == 304


def test_a_report_older_than_the_window_is_computed_in_the_request(stale_ok, watched, cohort):
    client, ann, url = watched
    client.get(url)
    key = _latest_key(cohort.pk, cohort.created_at, CH)
    old = timezone.now() - datetime.timedelta(seconds=121)
    cache.set(key, Latest(key=cache.get(key).key, computed_at=old))
    submit(ann)
    page = client.get(url).content.decode()
    assert STALE_NOTE not in page and ">1</dd>" in page.split("Pre done")[1][:40]
    assert refreshes() == 0


def test_files_give_the_figures_the_page_shows(stale_ok, watched, cohort):
    client, ann, url = watched
    client.get(url)
    submit(ann)
    assert STALE_NOTE in client.get(url).content.decode()
    summary = client.get(reverse("cohorts:cohort_file", args=[cohort.pk, "summary.json"]))
    assert summary.json()["figures"]["pre_done"] == 0  # as on the screen until the refresh


def test_a_refresh_for_a_deleted_cohort_or_unknown_chapter_does_nothing(cohort):
    refresh(cohort.pk, "no-such-chapter", timezone.now())
    refresh(987654, CH, timezone.now())
    assert cache.add(f"cohort-report-refresh:{cohort.pk}:no-such-chapter", 1)


def test_the_next_hour_serves_the_last_report_while_the_worker_recomputes(stale_ok, cohort):
    """The inactivity rule moves with the clock: a new hour is a refresh, not a slow page."""
    now = timezone.now().replace(minute=59, second=50)
    first, stale = served_report(cohort, now=now)
    assert not stale
    later = now + datetime.timedelta(seconds=20)  # the next hour
    again, stale = served_report(cohort, now=later)
    assert stale and again.generated_at == first.generated_at and refreshes() == 1
    refresh(cohort.pk, CH, later)
    newest, stale = served_report(cohort, now=later)
    assert not stale and newest.generated_at > first.generated_at


def test_without_a_worker_the_request_computes_once_the_refresh_is_overdue(
    stale_ok, watched, cohort
):
    client, ann, url = watched
    client.get(url)
    submit(ann)
    assert STALE_NOTE in client.get(url).content.decode()  # queued; no worker runs it
    overdue = timezone.now() - datetime.timedelta(seconds=31)
    cache.set(f"cohort-report-refresh:{cohort.pk}:{CH}", overdue)
    page = client.get(url).content.decode()
    assert STALE_NOTE not in page and ">1</dd>" in page.split("Pre done")[1][:40]
