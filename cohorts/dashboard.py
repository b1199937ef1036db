"""Overview inputs: sorting and filtering the learners table, and the live poll's ETag."""

import functools
import hashlib
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import timezone

from courses.catalog import get_course
from reports.cohort import STATUSES, CohortReport
from reports.cohort_cache import served_key
from reports.cohort_learners import LearnerRow

from .models import Cohort

TEMPLATES = ("cohorts/overview.html", "_base.html")

SORTS = {
    "name": lambda r: r.display_name.lower(),
    "status": lambda r: STATUSES.index(r.status),
    "sections": lambda r: r.sections_completed,
    "pre": lambda r: _num(r.pre_pct.value),
    "post": lambda r: _num(r.post_first_pct.value),
    "best": lambda r: _num(r.post_best_pct.value),
    "latest": lambda r: _num(r.post_latest_pct.value),
    "attempts": lambda r: r.post_attempts,
    "g": lambda r: _num(r.gain_g.value),
    "c": lambda r: _num(r.change_c.value),
    "activity": lambda r: r.last_activity_at.timestamp() if r.last_activity_at else float("-inf"),
}
"""Learners-table sort keys; undefined values sort first (lowest)."""
FILTERS = (*STATUSES, "attention")
"""Learners-table filters: a status, or everyone the needs-attention list names."""


def _num(value: float | None) -> float:
    return float("-inf") if value is None else value


def table_options(request: HttpRequest) -> tuple[str, str, str]:
    """(sort, status filter, problem) from the query string; a problem names the bad value."""
    sort = request.GET.get("sort", "name")
    status = request.GET.get("status", "")
    key = sort.removeprefix("-")
    if key not in SORTS:
        return "name", "", f"Unknown sort “{sort[:40]}”: choose a column heading link."
    if status and status not in FILTERS:
        return sort, "", f"Unknown status “{status[:40]}”: choose one of the status links."
    return sort, status, ""


PAGE_SIZE = 100
"""Learners per page of the overview's table (the files hold everyone)."""


@dataclass(frozen=True, kw_only=True)
class Page:
    """One page of the learners table."""

    rows: list[LearnerRow]
    number: int
    pages: int
    first: int
    """1-based position of the first row shown (0 when there is none)."""
    last: int
    total: int


def page_of(rows: list[LearnerRow], wanted: str) -> tuple[Page, str]:
    """The wanted page (1 by default) and a problem naming a bad or missing page number."""
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number, problem = 1, ""
    if wanted:
        if not wanted.isdigit() or not 1 <= int(wanted) <= pages:
            problem = f"No page “{wanted[:40]}”: choose a page between 1 and {pages}."
        else:
            number = int(wanted)
    start = (number - 1) * PAGE_SIZE
    shown = rows[start : start + PAGE_SIZE]
    first = start + 1 if shown else 0
    page = Page(
        rows=shown,
        number=number,
        pages=pages,
        first=first,
        last=start + len(shown),
        total=len(rows),
    )
    return page, problem


def learners_view(report: CohortReport, sort: str, status: str) -> list[LearnerRow]:
    """The learners table filtered by status (or needing attention), sorted ('-' reverses)."""
    rows = report.learners
    if status == "attention":
        flagged = {a.user_id for a in report.attention}
        shown = [r for r in rows if r.user_id in flagged]
    else:
        shown = [r for r in rows if not status or r.status == status]
    return sorted(shown, key=SORTS[sort.removeprefix("-")], reverse=sort.startswith("-"))


@functools.cache
def page_digest() -> str:
    """A digest of the overview's templates: a deploy that changes them changes every ETag."""
    sources = [get_template(name).template.source for name in TEMPLATES]
    return hashlib.sha256("".join(sources).encode()).hexdigest()[:16]


def activity_etag(request: HttpRequest, cohort_id: int, extra: str) -> str | None:
    """An ETag from the key of the report the page would show; None if not taught by me.

    One small query and one small cache read: the key follows the cohort's activity stamp, or
    names a recent report served while a newer one is computed (reports/cohort_cache.py), so a
    poll gets the new figures once they are ready rather than the stale ones again.
    """
    row = (
        Cohort.objects.filter(pk=cohort_id, instructors=request.user)
        .values_list("activity", "created_at", "name", "chapter_ids")
        .first()
    )
    if row is None:
        return None
    activity, created_at, name, chapter_ids = row
    served = served_key(
        cohort_id=cohort_id,
        created_at=created_at,
        activity=activity,
        chapter_id=request.GET.get("chapter") or (chapter_ids or [""])[0],
        now=timezone.now(),
    )
    parts = (
        (served, name, chapter_ids),
        get_course().content_hash,
        page_digest(),
        request.user.pk,
        extra,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
