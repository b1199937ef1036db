"""One-line hooks for the learner write functions: cohort activity, and xAPI statements.

Each bumps the activity stamp of the learner's cohorts (one UPDATE; none for guests), then
queues the event's statements in the outbox when an LRS is configured.
"""

from contextlib import AbstractContextManager, nullcontext

from django.db import transaction
from django.utils import timezone

from . import outbox


def atomic() -> AbstractContextManager:
    """A transaction around an event and its statements when they are queued; else nothing."""
    return transaction.atomic() if outbox.enabled() else nullcontext()


def cohorts_see(user_id: int | None) -> None:
    """This learner's cohorts see a change (their activity stamp moves); guests have none."""
    if user_id:
        from cohorts.activity import touch_learner

        touch_learner(user_id=user_id)


def rescored() -> None:
    """Stored scores changed: every cohort's figures may have."""
    from cohorts.activity import touch_all

    touch_all()


def section(user_id: int | None, chapter: object, section: object, *, completed: bool) -> None:
    """A section was opened, marked complete or (completed=False) un-marked."""
    cohorts_see(user_id)
    if user_id and outbox.enabled():
        from .xapi_learner import section_statement

        when = timezone.now()
        outbox.queue([section_statement(user_id, chapter, section, completed=completed, when=when)])


def practice(
    user_id: int | None, guide: object, kind: str, item_id: str, value: str | None
) -> None:
    """A practice step was ticked or an interview answer rated (unticking sends nothing)."""
    cohorts_see(user_id)
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
    from cohorts.activity import touch_learner
    from courses.catalog import get_course
    from quiz.models import Attempt

    touch_learner(user_id=Attempt.objects.filter(pk=attempt_pk).values("user_id")[:1])
    if not outbox.enabled():
        return

    from .xapi_learner import attempt_submitted_statements

    attempt = Attempt.objects.prefetch_related("questions__version", "answers").get(pk=attempt_pk)
    chapter = next((c for c in get_course().chapters if c.id == attempt.chapter_id), None)
    if attempt.user_id and chapter:
        outbox.queue(attempt_submitted_statements(attempt, chapter))
