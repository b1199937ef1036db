"""Assessment pages: start or resume, take (answers saved as chosen), submit, results."""

import re

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from courses.catalog import chapter_or_404
from courses.content.model import Assessment, Chapter

from . import attempts, pages
from .feedback_views import skip_undo_allowed
from .lookups import attempt_or_404, chapter_assessments, recent_posts
from .models import Answer, Kind, Status

FIELD = re.compile(r"^q([1-9]\d{0,3})$", re.ASCII)
CLOSED = "This attempt was submitted; its answers are final."


def _assessment_or_404(chapter: Chapter, kind: str) -> Assessment:
    found = next((a for a in chapter.assessments if a.kind == kind), None)
    if found is None:
        raise Http404("No such assessment")
    return found


@require_safe
def overview(request: HttpRequest, chapter_id: str, kind: str) -> HttpResponse:
    """An assessment's start page: what it is, and start, resume, skip or see results."""
    chapter = chapter_or_404(chapter_id)
    assessment = _assessment_or_404(chapter, kind)
    states = chapter_assessments(request, chapter)
    context = {
        "chapter": chapter,
        "assessment": assessment,
        "states": states,
        "recent": recent_posts(request, chapter) if kind == Kind.POST else [],
        "can_undo_skip": bool(states.pre and states.pre.status == Status.SKIPPED)
        and skip_undo_allowed(request, chapter),
    }
    return render(request, "quiz/overview.html", context)


@require_POST
def start(request: HttpRequest, chapter_id: str, kind: str) -> HttpResponse:
    """Start or resume an attempt. Pre-study is taken once; post-study needs an account."""
    chapter = chapter_or_404(chapter_id)
    assessment = _assessment_or_404(chapter, kind)
    if kind == Kind.POST and not request.user.is_authenticated:
        overview_url = reverse("quiz:overview", args=[chapter.id, kind])
        return redirect(f"{reverse('login')}?next={overview_url}")
    states = chapter_assessments(request, chapter)
    existing = states.pre if kind == Kind.PRE else states.post_in_progress
    if existing is not None:
        return redirect("quiz:attempt", existing.public_id)
    user = request.user if request.user.is_authenticated else None
    try:
        attempt = attempts.start_attempt(
            user=user,
            session=request.session,
            chapter=chapter,
            assessment=assessment,
            content_version=pages.content_version(),
        )
    except IntegrityError:  # a double click: the other request started it
        states = chapter_assessments(request, chapter)
        attempt = states.pre if kind == Kind.PRE else states.post_in_progress
    return redirect("quiz:attempt", attempt.public_id)


@require_safe
def attempt(request: HttpRequest, public_id: str) -> HttpResponse:
    """Take an attempt in progress, or read the results of a submitted one."""
    current = attempt_or_404(request, public_id)
    chapter = chapter_or_404(current.chapter_id)
    if current.status == Status.IN_PROGRESS:
        return render(request, "quiz/take.html", pages.take_context(current, chapter))
    if current.status == Status.SKIPPED:
        return redirect(chapter.url)
    return render(request, "quiz/results.html", pages.results_context(current, chapter, request))


def _status(request: HttpRequest, message: str, status: int, position: str = "") -> HttpResponse:
    context = {"message": message, "position": position, "error": True}
    return render(request, "quiz/take.html#answer-status", context, status=status)


@require_POST
def answer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Save one answer as it is chosen (htmx): exactly one `q<position>` field with one value."""
    current = attempt_or_404(request, public_id)
    fields = [(m.group(1), request.POST.getlist(k)) for k in request.POST if (m := FIELD.match(k))]
    if len(fields) != 1 or len(fields[0][1]) != 1:
        return _status(request, "Send exactly one answer for one question.", 422)
    position, (token,) = fields[0]
    if current.status != Status.IN_PROGRESS:
        return _status(request, CLOSED, 409, position)
    question = current.questions.select_related("version").filter(position=position).first()
    if question is None:
        return _status(request, "There is no such question in this attempt.", 404, position)
    choice = next((c for c in question.choices if c["token"] == token), None)
    if choice is None:
        return _status(request, "That is not one of this question's options.", 422, position)
    try:
        attempts.save_answer(attempt=current, question=question, choice=choice)
    except attempts.AttemptClosedError:
        return _status(request, CLOSED, 409, position)
    done = set(Answer.objects.filter(attempt=current).values_list("position", flat=True))
    context = {
        "position": position,
        "attempt": current,
        "oob": True,
        "answered": len(done),
        "nav": pages.navigator(current.question_count, done),
    }
    return render(request, "quiz/take.html#answer-saved", context)


@require_safe
def confirm(request: HttpRequest, public_id: str) -> HttpResponse:
    """Ask before submitting, listing the unanswered questions (reached by redirect after POST)."""
    current = attempt_or_404(request, public_id)
    if current.status != Status.IN_PROGRESS:
        return redirect("quiz:attempt", current.public_id)
    done = set(Answer.objects.filter(attempt=current).values_list("position", flat=True))
    missing = [n for n in range(1, current.question_count + 1) if n not in done]
    context = {
        "attempt": current,
        "chapter": chapter_or_404(current.chapter_id),
        "missing": missing,
        "unanswered": len(missing),
    }
    return render(request, "quiz/confirm.html", context)


def _chosen(post, questions) -> tuple[list, str]:
    """(question id, choice) pairs from a whole posted form, or an error message."""
    by_position = {str(q.position): q for q in questions}
    chosen = []
    for key in post:
        match = FIELD.match(key)
        if not match:
            continue
        values, question = post.getlist(key), by_position.get(match.group(1))
        if question is None:
            return [], "There is no such question in this attempt."
        choice = next((c for c in question.choices if [c["token"]] == values), None)
        if choice is None:
            return [], f"Question {question.position}: that is not one of its options."
        chosen.append((question, choice))
    return chosen, ""


@require_POST
def save(request: HttpRequest, public_id: str) -> HttpResponse:
    """Save the whole form (without JavaScript), or submit it: `submit` present."""
    current = attempt_or_404(request, public_id)
    chapter = chapter_or_404(current.chapter_id)
    questions = pages.questions(current)
    chosen, problem = _chosen(request.POST, questions)
    if problem:
        return render(
            request, "quiz/problem.html", {"message": problem, "attempt": current}, status=422
        )
    try:
        outcome = attempts.save_all(
            attempt=current,
            questions=questions,
            chosen=chosen,
            submit="submit" in request.POST,
            confirmed="confirm" in request.POST,
            current_ids={q.id for q in chapter.questions},
        )
    except attempts.AttemptClosedError:
        context = {"message": CLOSED, "attempt": current, "closed": True}
        return render(request, "quiz/problem.html", context, status=409)
    if "submit" in request.POST and outcome.score is None:
        return HttpResponseRedirect(reverse("quiz:confirm", args=[current.public_id]), status=303)
    if outcome.score is None:
        messages.success(request, f"Saved: {len(outcome.answers)} of {len(questions)} answered.")
    return redirect("quiz:attempt", current.public_id)
