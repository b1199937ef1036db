"""When results may show right answers, and the learner's choices about it (reveal, skip, undo).

The pre-study assessment is a baseline: if its results showed the right answers, the post-study
score would partly measure memory of that feedback. So by default its results show the score
and where to focus, and the answers come with the post-study results. A learner may still see
them early, and that choice is recorded and shown wherever the gain is.
"""

from collections.abc import Callable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from courses.content.model import Chapter

from .models import Attempt, Kind, Status


def assessment_policy(chapter: Chapter, kind: str) -> str:
    """The chapter's answer policy for this kind of assessment (`on_submit` when none is set)."""
    found = next((a for a in chapter.assessments if a.kind == kind), None)
    return found.answers if found else "on_submit"


def answers_shown(attempt: Attempt, chapter: Chapter, *, has_post: Callable[[], bool]) -> bool:
    """May this submitted attempt's results show the right answers and explanations?

    `has_post` says whether the learner has submitted a post-study attempt; it is only asked
    (a query) when the policy depends on it.
    """
    if attempt.kind != Kind.PRE or assessment_policy(chapter, Kind.PRE) == "on_submit":
        return True
    return attempt.answers_revealed_at is not None or has_post()


def reveal_answers(*, attempt: Attempt) -> bool:
    """Record that the learner chose to see a submitted pre-study attempt's answers now."""
    return bool(
        Attempt.objects.filter(
            pk=attempt.pk, kind=Kind.PRE, status=Status.SUBMITTED, answers_revealed_at=None
        ).update(answers_revealed_at=timezone.now())
    )


@transaction.atomic
def undo_skip(*, owner: Q, chapter: Chapter) -> bool:
    """Remove a skipped pre-study record so the assessment can be taken after all."""
    deleted, _ = Attempt.objects.filter(
        owner, chapter_id=chapter.id, kind=Kind.PRE, status=Status.SKIPPED
    ).delete()
    return bool(deleted)
