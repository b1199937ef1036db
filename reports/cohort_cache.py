"""A cohort report computed once per change, and served while a newer one is being computed.

The key holds the cohort's id and creation time, its activity stamp (cohorts/activity.py), the
chapter, the course content hash and the hour (the inactivity rule moves with the clock), so a
new submission, reading mark, join or leave is a new key at once, and no cohort can be served
another's report. Old keys simply expire.

Stale while revalidating: computing a report for 10,000 learners takes about a second, and a busy
cohort changes every few seconds. When the stamp (or the hour) has moved on but the latest
computed report is less than `STUDYHALL_REPORT_STALE_SECONDS` old, that report is served (the
page says from when) and one refresh per cohort and chapter is queued for the task worker; the
next poll gets the new figures. Older than that, with the setting at 0, or when a queued refresh
is not done within REFRESH_GRACE seconds (no worker running), the request computes the report.
This is Moodle's quiz statistics cache ("calculated N minutes ago") without the manual button.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from cohorts.models import Cohort
from courses.catalog import get_course
from reports.allocating import allocating
from reports.cohort import CohortReport, cohort_report

SCHEMA = 1
"""Bump when CohortReport's shape changes, so no server reads another version's pickles."""
TIMEOUT = 2 * 3600
LOCK_SECONDS = 120
"""How long a queued refresh keeps others from queueing another (if its worker dies)."""
REFRESH_GRACE = 30
"""A queued refresh not done after this many seconds means no worker is keeping up: requests
compute the report themselves (a site run without `db_worker` shows figures at most this old)."""


@dataclass(frozen=True)
class Latest:
    """The newest report computed for a cohort and chapter: its cache key, and when it started."""

    key: str
    computed_at: datetime.datetime


def report_key(cohort: Cohort, chapter_id: str, now: datetime.datetime) -> str:
    """The cache key of this cohort's report in this chapter, now (at its current stamp)."""
    return _key(cohort.pk, cohort.created_at, cohort.activity, chapter_id, now)


def _key(
    cohort_id: int,
    created_at: datetime.datetime,
    activity: int,
    chapter_id: str,
    now: datetime.datetime,
) -> str:
    parts = (
        SCHEMA,
        cohort_id,
        created_at.isoformat(),
        activity,
        chapter_id,
        get_course().content_hash,
        now.strftime("%Y-%m-%dT%H"),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"cohort-report:{cohort_id}:{digest}"


def _latest_key(cohort_id: int, created_at: datetime.datetime, chapter_id: str) -> str:
    parts = (SCHEMA, cohort_id, created_at.isoformat(), chapter_id, get_course().content_hash)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"cohort-report-latest:{cohort_id}:{digest}"


def served_key(
    *,
    cohort_id: int,
    created_at: datetime.datetime,
    activity: int,
    chapter_id: str,
    now: datetime.datetime,
) -> str:
    """The cache key of the report this request gets; queues a refresh when it is not current.

    Current: the cohort's stamp and this hour. When those moved on (new activity, or the hour
    changed the inactivity rule) and the latest report is younger than the window, that one.
    Cheap (one small cache read), so the overview's ETag uses it: a poll is a 304 until the
    refreshed report is ready, then it gets the new figures.
    """
    current = _key(cohort_id, created_at, activity, chapter_id, now)
    window = settings.STUDYHALL_REPORT_STALE_SECONDS
    if window <= 0:
        return current
    latest = cache.get(_latest_key(cohort_id, created_at, chapter_id))
    if latest is None or latest.key == current:
        return current
    if (now - latest.computed_at).total_seconds() > window:
        return current  # too old to show: computed in this request
    if not _refresh_queued(cohort_id, chapter_id, now):
        return current  # no worker is keeping up: computed in this request
    return latest.key


def _lock_key(cohort_id: int, chapter_id: str) -> str:
    return f"cohort-report-refresh:{cohort_id}:{chapter_id}"


def _refresh_queued(cohort_id: int, chapter_id: str, now: datetime.datetime) -> bool:
    """Queue a refresh unless one is queued; False if the queued one is overdue."""
    from .tasks import refresh_cohort_report

    key = _lock_key(cohort_id, chapter_id)
    if cache.add(key, now, LOCK_SECONDS):
        refresh_cohort_report.enqueue(cohort_id, chapter_id)
        return True
    queued_at = cache.get(key)
    return queued_at is None or (now - queued_at).total_seconds() <= REFRESH_GRACE


def served_report(
    cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None = None
) -> tuple[CohortReport, bool]:
    """The report to show, and whether newer activity is still being counted (stale)."""
    chapter_id = chapter_id or (cohort.chapter_ids or [""])[0]
    key = served_key(
        cohort_id=cohort.pk,
        created_at=cohort.created_at,
        activity=cohort.activity,
        chapter_id=chapter_id,
        now=now,
    )
    with allocating():
        if key != report_key(cohort, chapter_id, now):
            report = cache.get(key)
            if report is not None:
                return report, True
        return fresh_report(cohort, now=now, chapter_id=chapter_id), False


def fresh_report(cohort: Cohort, *, now: datetime.datetime, chapter_id: str) -> CohortReport:
    """The report at the cohort's current stamp: from the cache, or computed and stored."""
    key = report_key(cohort, chapter_id, now)
    with allocating():
        report = cache.get(key)
        if report is None:
            report = cohort_report(cohort, now=now, chapter_id=chapter_id)
            cache.set(key, report, TIMEOUT)
            latest_key = _latest_key(cohort.pk, cohort.created_at, chapter_id)
            previous = cache.get(latest_key)
            if previous is None or previous.computed_at <= now:
                cache.set(latest_key, Latest(key=key, computed_at=now), TIMEOUT)
    return report


def refresh(cohort_id: int, chapter_id: str, now: datetime.datetime) -> None:
    """Compute the report at the cohort's current stamp (in the worker) and let others queue."""
    try:
        cohort = Cohort.objects.filter(pk=cohort_id).first()
        if cohort is not None and chapter_id in (cohort.chapter_ids or [""]):
            fresh_report(cohort, now=now, chapter_id=chapter_id)
    finally:
        cache.delete(_lock_key(cohort_id, chapter_id))


def cached_report(
    cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None = None
) -> CohortReport:
    """The report the overview shows now (see `served_report`)."""
    return served_report(cohort, now=now, chapter_id=chapter_id)[0]
