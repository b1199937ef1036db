"""A learner's own progress: marking sections and practice, Your Progress, downloads."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from cohorts.join_views import memberships_of
from quiz.feedback import answers_shown
from quiz.lookups import chapter_assessments
from quiz.pages import review_plan
from reports.csvfile import csv_text
from reports.learner_export import learner_export
from reports.learner_files import HEADER, csv_records, to_json

from . import practice, progress, reading
from .catalog import chapter_or_404, get_course, guide_or_404, section_or_404
from .content.model import Chapter, Guide, Section
from .models import PracticeKind, PracticeValue
from .owners import owner

RATINGS = {PracticeValue.COULD_ANSWER, PracticeValue.NEEDS_WORK}
RATING_LABELS = {
    PracticeValue.COULD_ANSWER: "I could answer this",
    PracticeValue.NEEDS_WORK: "Needs work",
}


CHANGE = ["GET", "HEAD", "POST"]  # GET: the no-JavaScript confirmation for shared pages' forms


@require_http_methods(CHANGE)
def complete(request: HttpRequest, chapter_id: str, section_id: str) -> HttpResponse:
    """Mark a section complete (idempotent); htmx swaps the box and the chapter navigation."""
    chapter = chapter_or_404(chapter_id)
    section = section_or_404(chapter, section_id)
    if request.method != "POST":
        return confirm(
            request,
            question=f"Mark “{section.title}” as complete?",
            button="Mark as complete",
            back=section.url,
        )
    reading.mark_complete(request=request, chapter=chapter, section=section)
    return _completion_response(request, chapter, section)


@require_http_methods(CHANGE)
def undo_complete(request: HttpRequest, chapter_id: str, section_id: str) -> HttpResponse:
    """Undo "Mark as complete" (a no-op if not complete); htmx swaps the box and navigation."""
    chapter = chapter_or_404(chapter_id)
    section = section_or_404(chapter, section_id)
    if request.method != "POST":
        return confirm(
            request,
            question=f"Mark “{section.title}” as not complete?",
            button="Undo completion",
            back=section.url,
        )
    reading.undo_complete(request=request, chapter=chapter, section=section)
    return _completion_response(request, chapter, section)


def _completion_response(request: HttpRequest, chapter: Chapter, section: Section) -> HttpResponse:
    if not request.htmx:
        return redirect(f"{section.url}#completion")
    summary = progress.summarize(chapter, progress.reading_records(request, chapter.id))
    context = {
        "chapter": chapter,
        "section": section,
        "progress": summary,
        "state": summary.state(section.id),
        "oob": True,
        "tracked": True,
    }
    return render(request, "courses/section.html#completion-swap", context)


@require_http_methods(CHANGE)
def practice_step(
    request: HttpRequest, guide_id: str, project_id: str, number: int
) -> HttpResponse:
    """Tick (`done=1`) or untick (`done=0`) one step of a practice project."""
    guide = guide_or_404(guide_id)
    project = next((p for p in guide.projects if p.id == project_id), None)
    if project is None or not 1 <= number <= len(project.steps):
        return _not_found(request)
    done = request.POST.get("done", request.GET.get("done")) == "1"
    if request.method != "POST":
        verb = "Tick" if done else "Untick"
        return confirm(
            request,
            question=f"{verb} step {number} of “{project.title}”?",
            button=verb,
            back=f"{guide.url}#step-{project.id}-{number}",
            fields=[("done", "1" if done else "0")],
        )
    item_id = f"{project.id}.{number}"
    value = PracticeValue.DONE if done else None
    practice.set_mark(
        request=request, guide=guide, kind=PracticeKind.STEP, item_id=item_id, value=value
    )

    def item(summary: practice.GuideProgress) -> dict:
        return {"st": summary.steps(project)[number - 1]}

    return _practice_response(request, guide, f"#step-{project.id}-{number}", "step-swap", item)


@require_http_methods(CHANGE)
def practice_rating(request: HttpRequest, guide_id: str, question_id: str) -> HttpResponse:
    """Rate an interview answer: `could_answer`, `needs_work`, or `clear`."""
    guide = guide_or_404(guide_id)
    question = next((q for q in guide.interview_questions if q.id == question_id), None)
    rating = request.POST.get("rating", request.GET.get("rating", ""))
    if question is None:
        return _not_found(request)
    if rating not in RATINGS | {"clear"}:
        return HttpResponse("Unknown rating.", status=422)
    if request.method != "POST":
        label = "Clear your rating" if rating == "clear" else f"Rate “{RATING_LABELS[rating]}”"
        return confirm(
            request,
            question=f"{label} for “{question.question}”?",
            button="Save",
            back=f"{guide.url}#interview-{question.id}",
            fields=[("rating", rating)],
        )
    value = None if rating == "clear" else rating
    practice.set_mark(
        request=request, guide=guide, kind=PracticeKind.INTERVIEW, item_id=question.id, value=value
    )

    def item(summary: practice.GuideProgress) -> dict:
        states = {qs.question.id: qs for qs in summary.questions}
        return {"q": question, "qs": states[question.id]}

    return _practice_response(request, guide, f"#rating-{question.id}", "rating-swap", item)


def confirm(
    request: HttpRequest, *, question: str, button: str, back: str, fields: list | None = None
) -> HttpResponse:
    """A private page asking to confirm a change, with a CSRF-protected form posting it."""
    context = {
        "question": question,
        "button": button,
        "back": back,
        "fields": fields or [],
        "action": request.path,
    }
    return render(request, "courses/confirm.html", context)


def _not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "404.html", status=404)


def _practice_response(
    request: HttpRequest, guide: Guide, anchor: str, partial: str, item: Callable
) -> HttpResponse:
    if not request.htmx:
        return redirect(f"{guide.url}{anchor}")
    summary = practice.summarize(guide, practice.practice_records(request, guide.id))
    context = {**item(summary), "guide": guide, "practice": summary, "oob": True, "tracked": True}
    return render(request, f"courses/guide.html#{partial}", context)


@require_safe
def your_progress(request: HttpRequest) -> HttpResponse:
    """Your Progress: chapters, sections with dates, practice, next step, downloads."""
    course = get_course()
    records = progress.reading_records(request)
    marks = practice.practice_records(request)
    context = {
        "course": course,
        "chapters": [_chapter_row(request, c, records) for c in course.chapters],
        "guides": [practice.summarize(g, marks) for g in course.guides],
        "has_any": bool(records or marks),
        "memberships": memberships_of(request.user),
    }
    return render(request, "courses/progress.html", context)


def _chapter_row(request: HttpRequest, chapter: Chapter, records: list) -> tuple:
    assessments = chapter_assessments(request, chapter)
    latest = assessments.latest_submitted
    review = review_plan(latest, chapter)
    # A pre-study attempt's missed questions stay private until the post-study one (see
    # quiz.feedback): the plan then names sections and counts only.
    shown = latest is None or answers_shown(latest, chapter, has_post=lambda: False)
    return progress.summarize(chapter, records), assessments, review, shown


def _export(request: HttpRequest) -> dict:
    user = request.user if request.user.is_authenticated else None
    return learner_export(owner(request), user, now=timezone.now())


def _attachment(body: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    """Download everything kept about me as JSON."""
    body = to_json(_export(request))
    return _attachment(body, "application/json; charset=utf-8", "study-hall-progress.json")


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    """Download everything kept about me as CSV, one row per kept record."""
    body = csv_text(HEADER, csv_records(_export(request)))
    return _attachment(body, "text/csv; charset=utf-8", "study-hall-progress.csv")
