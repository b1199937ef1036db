"""One-line xAPI hooks for the write functions: queue the event's statements in the outbox.

Each does nothing (and costs no query) unless an LRS is configured; guests have no statements.
"""

from contextlib import AbstractContextManager, nullcontext

from django.db import transaction
from django.utils import timezone

from . import outbox


def atomic() -> AbstractContextManager:
    """A transaction around an event and its statements when they are queued; else nothing."""
    return transaction.atomic() if outbox.enabled() else nullcontext()


def section(user_id: int | None, chapter: object, section: object, *, completed: bool) -> None:
    """A section was opened or marked complete."""
    if user_id and outbox.enabled():
        from .xapi_learner import section_statement

        when = timezone.now()
        outbox.queue([section_statement(user_id, chapter, section, completed=completed, when=when)])


def practice(
    user_id: int | None, guide: object, kind: str, item_id: str, value: str | None
) -> None:
    """A practice step was ticked or an interview answer rated (unticking sends nothing)."""
    if user_id and value and outbox.enabled():
        from .xapi_learner import practice_statement

        statement = practice_statement(user_id, guide, kind, item_id, value, timezone.now())
        outbox.queue([statement])


def attempt_started(attempt: object, chapter: object) -> None:
    """An assessment attempt began."""
    if attempt.user_id and outbox.enabled():
        from .xapi_learner import attempt_started_statement

        outbox.queue([attempt_started_statement(attempt, chapter)])


def attempt_submitted(attempt_pk: int) -> None:
    """An attempt was submitted: its score and every answer."""
    if not outbox.enabled():
        return
    from courses.catalog import get_course
    from quiz.models import Attempt

    from .xapi_learner import attempt_submitted_statements

    attempt = Attempt.objects.prefetch_related("questions__version", "answers").get(pk=attempt_pk)
    chapter = next((c for c in get_course().chapters if c.id == attempt.chapter_id), None)
    if attempt.user_id and chapter:
        outbox.queue(attempt_submitted_statements(attempt, chapter))
