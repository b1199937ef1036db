"""Deliberate rescoring: stored scores recounted over the questions still in the course."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q

from courses.content.model import Course
from reports import hooks

from .models import Answer, Attempt, AttemptQuestion, Status


@dataclass(frozen=True, kw_only=True)
class Change:
    """One submitted attempt whose stored score differs from a recount."""

    attempt: str
    """The attempt's public id."""
    old: tuple[int, int]
    """(correct, counted) as stored."""
    new: tuple[int, int]
    """(correct, counted) over the questions still in the course."""


def _recount(chapter_id: str, current: set[str]) -> dict[int, tuple[int, int]]:
    """Attempt pk to (correct, counted) for the chapter's submitted attempts: one query."""
    right = Answer.objects.filter(
        attempt=OuterRef("attempt"), position=OuterRef("position"), is_correct=True
    )
    kept = Q(version__question_id__in=current)
    rows = (
        AttemptQuestion.objects.filter(
            attempt__chapter_id=chapter_id, attempt__status=Status.SUBMITTED
        )
        .annotate(right=Exists(right))
        .values("attempt_id")
        .annotate(
            counted=Count("pk", filter=kept), correct=Count("pk", filter=kept & Q(right=True))
        )
        .values_list("attempt_id", "correct", "counted")
    )
    return {pk: (correct, counted) for pk, correct, counted in rows}


@transaction.atomic
def rescore(*, course: Course, dry_run: bool) -> list[Change]:
    """Recount every submitted attempt; store the new scores unless dry_run; say what changed."""
    changes: list[Change] = []
    for chapter in course.chapters:
        fresh = _recount(chapter.id, {q.id for q in chapter.questions})
        stale = []
        attempts = Attempt.objects.filter(pk__in=fresh).select_for_update().order_by("pk")
        for attempt in attempts:
            new = fresh[attempt.pk]
            if new != (attempt.correct, attempt.counted):
                changes.append(
                    Change(
                        attempt=attempt.public_id, old=(attempt.correct, attempt.counted), new=new
                    )
                )
                attempt.correct, attempt.counted = new
                stale.append(attempt)
        if stale and not dry_run:
            Attempt.objects.bulk_update(stale, ["correct", "counted"], batch_size=500)
            hooks.rescored()
    return changes
