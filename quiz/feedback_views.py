"""Pages for the learner's choices about the pre-study assessment: skip (and undo), see answers."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from courses import progress
from courses.catalog import chapter_or_404

from . import attempts, feedback
from .lookups import attempt_or_404, owner, pre_attempt
from .models import Kind, Status

TOO_LATE = (
    "The pre-study assessment can no longer be taken: you have already completed a section, "
    "so it would not measure where you started."
)


def _can_undo_skip(request: HttpRequest, chapter: object) -> bool:
    """A skip can be undone until the first section of the chapter is completed."""
    records = progress.reading_records(request, chapter.id)
    return not any(r.completed_at for r in records)


@require_http_methods(["GET", "HEAD", "POST"])
def skip(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """Skip the pre-study assessment: GET says what is lost and asks; POST records the skip."""
    chapter = chapter_or_404(chapter_id)
    if request.method != "POST":
        return render(request, "quiz/skip.html", {"chapter": chapter})
    user = request.user if request.user.is_authenticated else None
    if attempts.skip_pre(user=user, session=request.session, chapter=chapter):
        messages.info(
            request,
            "Pre-study assessment skipped. Changed your mind? You can take it after all until "
            "you complete the first section.",
        )
        return redirect(chapter.sections[0].url)
    messages.info(request, "You already have a pre-study attempt, so it was not skipped.")
    return redirect("quiz:overview", chapter.id, Kind.PRE)


@require_POST
def undo_skip(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """Take the pre-study assessment after all, if no section has been completed yet."""
    chapter = chapter_or_404(chapter_id)
    mine = owner(request)
    if mine is None or not _can_undo_skip(request, chapter):
        messages.info(request, TOO_LATE)
    elif feedback.undo_skip(owner=mine, chapter=chapter):
        messages.success(request, "Skip undone: you can take the pre-study assessment now.")
    return redirect("quiz:overview", chapter.id, Kind.PRE)


@require_http_methods(["GET", "HEAD", "POST"])
def reveal(request: HttpRequest, public_id: str) -> HttpResponse:
    """See a pre-study attempt's answers before the post-study one: GET explains, POST records."""
    current = attempt_or_404(request, public_id)
    if current.kind != Kind.PRE or current.status != Status.SUBMITTED:
        raise Http404("Nothing to reveal")
    if request.method == "POST":
        feedback.reveal_answers(attempt=current)
        return redirect("quiz:attempt", current.public_id)
    chapter = chapter_or_404(current.chapter_id)
    return render(request, "quiz/reveal.html", {"attempt": current, "chapter": chapter})


def skip_undo_allowed(request: HttpRequest, chapter: object) -> bool:
    """For the overview page: is there a skip that can still be undone?"""
    pre = pre_attempt(request, chapter)
    return bool(pre and pre.status == Status.SKIPPED and _can_undo_skip(request, chapter))
