"""Instructor dashboard pages: a cohort's overview (polled live), a learner, a question."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import condition, require_GET
from django.views.decorators.vary import vary_on_headers

from courses.catalog import get_course
from reports import cohort_charts
from reports.cohort import STATUS_LABELS
from reports.cohort_attention import SHOWN
from reports.cohort_cache import served_report
from reports.cohort_drill import item_detail, learner_detail
from reports.models import COHORT_KINDS, recent_jobs

from .access import instructor_only, taught_cohort_or_404
from .dashboard import activity_etag, learners_view, page_of, table_options

COLUMNS = [
    ("name", "Learner"),
    ("status", "Status"),
    ("sections", "Sections"),
    ("pre", "Pre %"),
    ("post", "First post %"),
    ("best", "Best %"),
    ("latest", "Latest %"),
    ("attempts", "Attempts"),
    ("g", "g"),
    ("c", "c"),
    ("activity", "Last activity"),
]


def _chapter(request: HttpRequest, cohort: object) -> str:
    wanted = request.GET.get("chapter") or (cohort.chapter_ids or [""])[0]
    if wanted not in (cohort.chapter_ids or [""]):
        raise Http404("This cohort does not follow that chapter")
    return wanted


def _chapter_links(cohort: object, chapter_id: str) -> dict:
    """The cohort's chapters for the switcher, and the query that keeps a chosen one in links."""
    titles = {c.id: f"{c.number}. {c.title}" for c in get_course().chapters}
    ids = cohort.chapter_ids or []
    chosen = bool(ids) and chapter_id != ids[0]
    q = urlencode({"chapter": chapter_id}) if chosen else ""
    return {
        "chapters": [(i, titles.get(i, i)) for i in ids],
        "chapter_q": f"&{q}" if q else "",
        "chapter_qs": f"?{q}" if q else "",
    }


def _key(request: HttpRequest, cohort_id: int, hx: str) -> str | None:
    return activity_etag(request, cohort_id, f"{request.get_full_path()}|{hx}")


def _etag(request: HttpRequest, cohort_id: int) -> str | None:
    return _key(request, cohort_id, request.headers.get("HX-Request", ""))


@require_GET
@instructor_only
@vary_on_headers("HX-Request")
@condition(etag_func=_etag)
def overview(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """A cohort's figures: header, status, learners, items, sections, attention, charts."""
    cohort = taught_cohort_or_404(request, cohort_id)
    sort, status, problem = table_options(request)
    chapter_id = _chapter(request, cohort)
    report, stale = served_report(cohort, now=timezone.now(), chapter_id=chapter_id)
    page, bad_page = page_of(learners_view(report, sort, status), request.GET.get("page", ""))
    problem = problem or bad_page
    sections, sections_h = cohort_charts.section_rows(report)
    dots, dots_h = cohort_charts.item_dots(report)
    context = {
        "cohort": cohort,
        "report": report,
        "stale": stale,
        "sort": sort,
        "status": status,
        "problem": problem,
        "learners": page.rows,
        "page": page,
        "attention": report.attention[:SHOWN],
        "attention_more": max(0, len(report.attention) - SHOWN),
        "attention_learners": sum(a.user_id is not None for a in report.attention),
        "bar": cohort_charts.status_bar(report),
        "section_bars": sections,
        "section_h": sections_h,
        "dots": dots,
        "dots_h": dots_h,
        "etag": _key(request, cohort_id, "true"),
        "columns": COLUMNS,
        "cohort_kinds": [(k.value, k.label) for k in COHORT_KINDS],
        "my_jobs": [] if request.htmx else recent_jobs(request.user, cohort.pk),
        "export_ttl": settings.STUDYHALL_EXPORT_TTL_HOURS,
        "labels": STATUS_LABELS,
        **_chapter_links(cohort, report.chapter_id),
    }
    template = "cohorts/overview.html"
    if request.htmx:
        template += "#overview-live"
    response = render(request, template, context, status=400 if problem else 200)
    response["Cache-Control"] = "private, no-cache"
    return response


@require_GET
@instructor_only
def learner(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    """One learner of the cohort: reading, pre and post per question, attempts, practice."""
    cohort = taught_cohort_or_404(request, cohort_id)
    detail = learner_detail(cohort, user_id, _chapter(request, cohort), now=timezone.now())
    if detail is None:
        raise Http404("No such learner in this cohort")
    return render(request, "cohorts/learner.html", {"cohort": cohort, "d": detail})


@require_GET
@instructor_only
def item(request: HttpRequest, cohort_id: int, question_id: str) -> HttpResponse:
    """One question over the cohort: options, transitions, who is where, per version."""
    cohort = taught_cohort_or_404(request, cohort_id)
    detail = item_detail(cohort, question_id, _chapter(request, cohort), now=timezone.now())
    if detail is None:
        raise Http404("No such question in this cohort's chapter")
    return render(request, "cohorts/item.html", {"cohort": cohort, "d": detail})
