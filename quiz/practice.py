"""Practice: retry the questions missed in a submitted attempt. Nothing is stored or scored."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from courses.catalog import chapter_or_404

from . import feedback
from .lookups import attempt_or_404, has_submitted_post
from .models import Answer, Status


def missed_positions(attempt: object) -> list[int]:
    """Positions answered wrong or not at all in a submitted attempt (by the stored marks)."""
    right = set(
        Answer.objects.filter(attempt=attempt, is_correct=True).values_list("position", flat=True)
    )
    return [n for n in range(1, attempt.question_count + 1) if n not in right]


@require_http_methods(["GET", "HEAD", "POST"])
def practice(request: HttpRequest, public_id: str, position: int) -> HttpResponse:
    """GET shows one missed question; POST checks the choice and explains at once."""
    attempt = attempt_or_404(request, public_id)
    chapter = chapter_or_404(attempt.chapter_id)
    if attempt.status != Status.SUBMITTED:
        raise Http404("Practice opens once the attempt is submitted")
    if not feedback.answers_shown(
        attempt, chapter, has_post=lambda: has_submitted_post(request, chapter)
    ):
        raise Http404("The answers to this attempt are not shown yet")
    current = {q.id for q in chapter.questions}
    kept = set(
        attempt.questions.filter(version__question_id__in=current).values_list(
            "position", flat=True
        )
    )
    missed = [n for n in missed_positions(attempt) if n in kept]
    question = attempt.questions.select_related("version").filter(position=position).first()
    if question is None or position not in missed:
        raise Http404("This question is not one you missed")
    index = missed.index(position)
    options = [{"token": c["token"], "text": c["text"]} for c in question.choices]
    context = {
        "attempt": attempt,
        "chapter": chapter,
        "q": question,
        "index": index + 1,
        "total": len(missed),
        "next": missed[index + 1] if index + 1 < len(missed) else None,
        "options": options,
    }
    if request.method != "POST":
        return render(request, "quiz/practice.html", context)
    values = request.POST.getlist("choice")
    chosen = next((c for c in question.choices if [c["token"]] == values), None)
    if chosen is None:
        message = (
            "Choose one of the options, then check it."
            if not values
            else ("That is not one of this question's options.")
        )
        return render(request, "quiz/practice.html", context | {"error": message}, status=422)
    right = next(c for c in question.choices if c["id"] == question.answer_id)
    shown = {"chosen": chosen, "right": right, "correct": chosen["id"] == question.answer_id}
    section = chapter.section(question.section_id)
    return render(
        request,
        "quiz/practice.html",
        context | shown | {"section": section, "picked": chosen["token"]},
    )
