"""A cohort report computed once per change: cached under the cohort's activity stamp.

The key holds the cohort's id and creation time, its activity stamp (cohorts/activity.py), the
chapter, the course content hash and the hour (the inactivity rule moves with the clock), so a
new submission, reading mark, join or leave is a new key at once, and no cohort can be served
another's report. Old keys simply expire.
"""

import datetime
import hashlib

from django.core.cache import cache

from cohorts.models import Cohort
from courses.catalog import get_course
from reports.allocating import allocating
from reports.cohort import CohortReport, cohort_report

SCHEMA = 1
"""Bump when CohortReport's shape changes, so no server reads another version's pickles."""
TIMEOUT = 2 * 3600


def report_key(cohort: Cohort, chapter_id: str, now: datetime.datetime) -> str:
    """The cache key of this cohort's report in this chapter, now."""
    parts = (
        SCHEMA,
        cohort.pk,
        cohort.created_at.isoformat(),
        cohort.activity,
        chapter_id,
        get_course().content_hash,
        now.strftime("%Y-%m-%dT%H"),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"cohort-report:{cohort.pk}:{digest}"


def cached_report(
    cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None = None
) -> CohortReport:
    """`cohort_report`, from the cache when nothing the cohort sees has changed since."""
    chapter_id = chapter_id or (cohort.chapter_ids or [""])[0]
    key = report_key(cohort, chapter_id, now)
    with allocating():
        report = cache.get(key)
        if report is None:
            report = cohort_report(cohort, now=now, chapter_id=chapter_id)
            cache.set(key, report, TIMEOUT)
    return report
