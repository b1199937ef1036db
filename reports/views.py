"""Export pages: start a job, watch its progress, download its file, retry a failed one."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from cohorts.access import teaches
from cohorts.models import Cohort
from courses.catalog import chapter_or_404

from . import exports
from .charts import section_bars
from .learner import LearnerReport, learner_report
from .models import COHORT_KINDS, LEARNER_KINDS, ExportJob, ExportKind, JobStatus
from .pdf import render_pdf
from .xapi_learner import learner_statements, to_json_lines


def _my_job(request: HttpRequest, public_id: str) -> ExportJob:
    """The user's own job, or 404 (another user's job does not exist for them)."""
    job = ExportJob.objects.filter(public_id=public_id, user=request.user).first()
    if job is None:
        raise Http404("No such export.")
    if job.kind in COHORT_KINDS and not teaches(request.user, job.cohort_id):
        raise Http404("No such export.")  # they no longer teach the cohort it is about
    return job


@login_required
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    """The user's exports, newest first, and the exports they can start."""
    jobs = ExportJob.objects.filter(user=request.user, kind__in=LEARNER_KINDS)
    context = {"jobs": jobs.order_by("-created_at")[:20], "kinds": _learner_kinds()}
    return render(request, "reports/exports.html", context)


def _learner_kinds() -> list[tuple[str, str]]:
    return [(k.value, k.label) for k in LEARNER_KINDS]


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """Queue an export of a known kind and go to its page."""
    kind = request.POST.get("kind", "")
    if kind not in LEARNER_KINDS:
        context = {"jobs": [], "kinds": _learner_kinds(), "error": "Unknown kind of export."}
        return render(request, "reports/exports.html", context, status=422)
    job = exports.create_job(user=request.user, kind=ExportKind(kind))
    return redirect("reports:job", public_id=job.public_id)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def job(request: HttpRequest, public_id: str) -> HttpResponse:
    """One job: a progress bar (htmx polls every 2 s until it is finished), then its file."""
    job = _my_job(request, public_id)
    context = {"job": job, "now": timezone.now()}
    if job.cohort_id is not None and not request.htmx:
        context["cohort_name"] = Cohort.objects.values_list("name", flat=True).get(pk=job.cohort_id)
    template = "reports/job.html#job-status" if request.htmx else "reports/job.html"
    return render(request, template, context)


@login_required
@require_POST
def retry(request: HttpRequest, public_id: str) -> HttpResponse:
    """Queue a failed job again."""
    exports.retry_job(job=_my_job(request, public_id))
    return redirect("reports:job", public_id=public_id)


@login_required
@require_GET
def download(request: HttpRequest, public_id: str) -> FileResponse:
    """The job's file, for the user who asked, until it expires."""
    job = _my_job(request, public_id)
    if job.status != JobStatus.DONE or not job.file or job.expires_at <= timezone.now():
        raise Http404("This export is not ready or has expired.")
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=exports.download_name(job)
    )


@login_required
@require_GET
def my_statements(request: HttpRequest) -> HttpResponse:
    """The learner's own xAPI statements as JSON lines."""
    body = to_json_lines(learner_statements(request.user))
    response = HttpResponse(body, content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="study-hall-xapi.jsonl"'
    return response


def report_context(report: LearnerReport, chapter_id: str) -> dict:
    """What the learner report's page and PDF templates draw."""
    bars, height = section_bars(report)
    return {"report": report, "bars": bars, "chart_height": height, "chapter_id": chapter_id}


def _report_context(request: HttpRequest, chapter_id: str) -> dict:
    return report_context(learner_report(request.user, chapter_or_404(chapter_id)), chapter_id)


def report_pdf_response(context: dict, filename: str) -> HttpResponse:
    """The learner report drawn as a PDF attachment."""
    pdf = render_pdf("reports/learner_report_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_GET
def learner_page(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """The learner's chapter report as a page (the same figures as the PDF)."""
    return render(request, "reports/learner_report.html", _report_context(request, chapter_id))


@login_required
@require_GET
def learner_pdf(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """The learner's chapter report as a PDF."""
    context = _report_context(request, chapter_id)
    return report_pdf_response(context, f"study-hall-{chapter_id}-report.pdf")
