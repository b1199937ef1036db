"""Instructor downloads of a learner's report: only for cohorts they teach, members only."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from cohorts.access import instructor_only, taught_cohort_or_404
from cohorts.models import Membership
from courses.catalog import get_course

from .cohort_exports import member_pdf


@require_GET
@instructor_only
def learner_pdf(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    """A member's chapter report as a PDF, showing what they share with the cohort."""
    cohort = taught_cohort_or_404(request, cohort_id)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), cohort=cohort, user_id=user_id, left_at=None
    )
    chapter = _chapter(cohort.chapter_ids, request.GET.get("chapter"))
    response = HttpResponse(member_pdf(membership, chapter), content_type="application/pdf")
    filename = f"study-hall-{cohort.pk}-{user_id}-{chapter.id}-report.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _chapter(chapter_ids: list[str], wanted: str | None) -> object:
    """The asked chapter if the cohort follows it, else the cohort's first one; 404 otherwise."""
    course = get_course()
    followed = [c for c in (course.chapter(i) for i in chapter_ids) if c is not None]
    if wanted is not None:
        followed = [c for c in followed if c.id == wanted]
    if not followed:
        raise Http404("No such chapter in this cohort")
    return followed[0]
