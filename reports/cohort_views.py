"""Cohort file downloads for the instructors who teach the cohort; anyone else gets 404."""

from collections.abc import Callable, Iterator

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from cohorts.access import instructor_only, taught_cohort_or_404
from cohorts.models import Cohort

from . import cohort_files as files
from . import exports
from .cohort import CohortReport
from .cohort_cache import cached_report
from .cohort_json import summary_json
from .cohort_responses import RESPONSE_COLUMNS, response_records
from .csvfile import chunked, csv_lines
from .models import COHORT_KINDS, ExportKind


def _learners(report: CohortReport, anonymized: bool) -> tuple[list[str], Iterator[dict]]:
    keys = files.learner_keys(report, anonymized=anonymized)
    return files.LEARNER_COLUMNS, files.learner_records(report, keys, anonymized=anonymized)


def _items(report: CohortReport, anonymized: bool) -> tuple[list[str], Iterator[dict]]:
    return files.item_columns(report), files.item_records(report)


def _sections(report: CohortReport, anonymized: bool) -> tuple[list[str], Iterator[dict]]:
    return files.SECTION_COLUMNS, files.section_records(report)


def _responses(report: CohortReport, anonymized: bool) -> tuple[list[str], Iterator[dict]]:
    keys = files.learner_keys(report, anonymized=anonymized)
    cohort = Cohort.objects.get(pk=report.cohort_id)
    return RESPONSE_COLUMNS, response_records(cohort, report.chapter_id, keys)


CSV_FILES: dict[str, Callable] = {
    "learners.csv": _learners,
    "responses.csv": _responses,
    "items.csv": _items,
    "sections.csv": _sections,
}
"""File name to the function giving its header and rows."""


@require_GET
@instructor_only
def cohort_file(request: HttpRequest, cohort_id: int, name: str) -> HttpResponse:
    """One cohort file (`?anonymized=1` for fresh labels; `?chapter=` for another chapter)."""
    cohort = taught_cohort_or_404(request, cohort_id)
    chapter_id = request.GET.get("chapter") or None
    if chapter_id is not None and chapter_id not in cohort.chapter_ids:
        raise Http404("This cohort does not follow that chapter")
    if name not in CSV_FILES and name != "summary.json":
        raise Http404("No such file")
    anonymized = request.GET.get("anonymized") == "1"
    report = cached_report(cohort, now=timezone.now(), chapter_id=chapter_id)
    try:
        if anonymized:
            files.learner_keys(report, anonymized=True)  # refuse before streaming anything
        response = _response(report, name, anonymized)
    except files.TooFewLearnersError as refused:
        return HttpResponse(str(refused), status=422, content_type="text/plain; charset=utf-8")
    prefix = f"cohort-{cohort.pk}-{report.chapter_id}{'-anonymized' if anonymized else ''}"
    response["Content-Disposition"] = content_disposition_header(True, f"{prefix}-{name}")
    return response


def _response(report: CohortReport, name: str, anonymized: bool) -> HttpResponse:
    if name == "summary.json":
        body = summary_json(report, anonymized=anonymized)
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    header, rows = CSV_FILES[name](report, anonymized)
    body = chunked(csv_lines(header, rows))
    return StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")


@require_POST
@instructor_only
def start_export(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Queue a cohort export (PDF, every learner's PDF, statements) and go to its page."""
    cohort = taught_cohort_or_404(request, cohort_id)
    chapter_id = request.POST.get("chapter") or (cohort.chapter_ids or [""])[0]
    if chapter_id not in (cohort.chapter_ids or []):
        raise Http404("This cohort does not follow that chapter")
    kind = request.POST.get("kind", "")
    if kind not in COHORT_KINDS:
        return HttpResponse(
            "Unknown kind of export.", status=422, content_type="text/plain; charset=utf-8"
        )
    job = exports.create_job(
        user=request.user, kind=ExportKind(kind), subject=f"{cohort.pk}:{chapter_id}"
    )
    return redirect("reports:job", public_id=job.public_id)
