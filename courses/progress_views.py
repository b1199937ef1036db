"""A learner's own progress: marking sections and practice, Your Progress, downloads."""

import csv
import json
from collections.abc import Callable
from io import StringIO

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from quiz.lookups import chapter_assessments
from quiz.pages import review_plan

from . import practice, progress, reading
from .catalog import chapter_or_404, get_course, guide_or_404, section_or_404
from .content.model import Chapter, Guide
from .models import PracticeKind, PracticeValue
from .records import PracticeRecord, ReadingRecord

RATINGS = {PracticeValue.COULD_ANSWER, PracticeValue.NEEDS_WORK}


@require_POST
def complete(request: HttpRequest, chapter_id: str, section_id: str) -> HttpResponse:
    """Mark a section complete (idempotent); htmx swaps the box and the chapter navigation."""
    chapter = chapter_or_404(chapter_id)
    section = section_or_404(chapter, section_id)
    reading.mark_complete(request=request, chapter=chapter, section=section)
    if not request.htmx:
        return redirect(f"{section.url}#completion")
    summary = progress.summarize(chapter, progress.reading_records(request, chapter.id))
    context = {"chapter": chapter, "section": section, "progress": summary,
               "state": summary.state(section.id), "oob": True}  # fmt: skip
    return render(request, "courses/section.html#completion-swap", context)


@require_POST
def practice_step(
    request: HttpRequest, guide_id: str, project_id: str, number: int
) -> HttpResponse:
    """Tick (`done=1`) or untick (`done=0`) one step of a practice project."""
    guide = guide_or_404(guide_id)
    project = next((p for p in guide.projects if p.id == project_id), None)
    if project is None or not 1 <= number <= len(project.steps):
        return _not_found(request)
    done = request.POST.get("done") == "1"
    item_id = f"{project.id}.{number}"
    value = PracticeValue.DONE if done else None
    practice.set_mark(request=request, guide=guide, kind=PracticeKind.STEP, item_id=item_id,
                      value=value)  # fmt: skip

    def item(summary: practice.GuideProgress) -> dict:
        return {"st": summary.steps(project)[number - 1]}

    return _practice_response(request, guide, f"#step-{project.id}-{number}", "step-swap", item)


@require_POST
def practice_rating(request: HttpRequest, guide_id: str, question_id: str) -> HttpResponse:
    """Rate an interview answer: `could_answer`, `needs_work`, or `clear`."""
    guide = guide_or_404(guide_id)
    question = next((q for q in guide.interview_questions if q.id == question_id), None)
    rating = request.POST.get("rating", "")
    if question is None:
        return _not_found(request)
    if rating not in RATINGS | {"clear"}:
        return HttpResponse("Unknown rating.", status=422)
    value = None if rating == "clear" else rating
    practice.set_mark(request=request, guide=guide, kind=PracticeKind.INTERVIEW,
                      item_id=question.id, value=value)  # fmt: skip

    def item(summary: practice.GuideProgress) -> dict:
        states = {qs.question.id: qs for qs in summary.questions}
        return {"q": question, "qs": states[question.id]}

    return _practice_response(request, guide, f"#rating-{question.id}", "rating-swap", item)


def _not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "404.html", status=404)


def _practice_response(
    request: HttpRequest, guide: Guide, anchor: str, partial: str, item: Callable
) -> HttpResponse:
    if not request.htmx:
        return redirect(f"{guide.url}{anchor}")
    summary = practice.summarize(guide, practice.practice_records(request, guide.id))
    context = {**item(summary), "guide": guide, "practice": summary, "oob": True}
    return render(request, f"courses/guide.html#{partial}", context)


@require_GET
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
    }
    return render(request, "courses/progress.html", context)


def _chapter_row(request: HttpRequest, chapter: Chapter, records: list) -> tuple:
    assessments = chapter_assessments(request, chapter)
    review = review_plan(assessments.latest_submitted, chapter)
    return progress.summarize(chapter, records), assessments, review


def _export_rows(request: HttpRequest) -> tuple[list[ReadingRecord], list[PracticeRecord]]:
    return progress.reading_records(request), practice.practice_records(request)


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    """Download my progress as JSON."""
    reading_rows, practice_rows = _export_rows(request)
    stamp = lambda d: d.isoformat() if d else None  # noqa: E731
    data = {
        "exported_at": timezone.now().isoformat(),
        "learner": request.user.get_username() if request.user.is_authenticated else None,
        "course": get_course().id,
        "reading": [
            {"chapter": r.chapter_id, "section": r.section_id, "content_version": r.version,
             "opened_at": stamp(r.opened_at), "completed_at": stamp(r.completed_at)}
            for r in reading_rows
        ],
        "practice": [
            {"guide": m.guide_id, "kind": m.kind, "item": m.item_id, "value": m.value,
             "content_version": m.version, "updated_at": stamp(m.updated_at)}
            for m in practice_rows
        ],
    }  # fmt: skip
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="study-hall-progress.json"'
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    """Download my progress as CSV, one row per section and practice item."""
    reading_rows, practice_rows = _export_rows(request)
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(["type", "where", "item", "state", "started_at", "finished_at", "version"])
    for r in reading_rows:
        state = "completed" if r.completed_at else "opened"
        finished = r.completed_at.isoformat() if r.completed_at else ""
        writer.writerow(["section", r.chapter_id, r.section_id, state, r.opened_at.isoformat(),
                         finished, r.version])  # fmt: skip
    for m in practice_rows:
        writer.writerow([m.kind, m.guide_id, m.item_id, m.value, "", m.updated_at.isoformat(),
                         m.version])  # fmt: skip
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="study-hall-progress.csv"'
    return response
