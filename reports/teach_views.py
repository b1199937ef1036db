"""Instructor downloads of a learner's report: only for cohorts they teach, members only."""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from cohorts.access import instructor_only, taught_cohort_or_404
from cohorts.models import Membership
from courses.catalog import get_course

from .learner import learner_report
from .views import report_context, report_pdf_response

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@require_GET
@instructor_only
def learner_pdf(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    """A member's chapter report as a PDF, showing what they share with the cohort."""
    cohort = taught_cohort_or_404(request, cohort_id)
    membership = get_object_or_404(Membership, cohort=cohort, user_id=user_id, left_at=None)
    chapter = _chapter(cohort.chapter_ids, request.GET.get("chapter"))
    since = EPOCH if membership.share_before_joining else membership.joined_at
    learner = get_object_or_404(get_user_model(), pk=user_id)
    report = learner_report(learner, chapter, since=since)
    filename = f"study-hall-{cohort.pk}-{learner.pk}-{chapter.id}-report.pdf"
    return report_pdf_response(report_context(report, chapter.id), filename)


def _chapter(chapter_ids: list[str], wanted: str | None) -> object:
    """The asked chapter if the cohort follows it, else the cohort's first one; 404 otherwise."""
    course = get_course()
    followed = [c for c in (course.chapter(i) for i in chapter_ids) if c is not None]
    if wanted is not None:
        followed = [c for c in followed if c.id == wanted]
    if not followed:
        raise Http404("No such chapter in this cohort")
    return followed[0]
