"""Changing attempts: start, skip, answer, submit, and a guest's attempts joining an account."""

import random
import secrets
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from courses.content.model import Assessment, Chapter, Question
from reports import hooks

from . import scoring
from .lookups import asked
from .models import GUEST_KEY, Answer, Attempt, AttemptQuestion, Kind, QuestionVersion, Status
from .tokens import encode_order


class AttemptClosedError(Exception):
    """The attempt was already submitted (or skipped): nothing more can change."""


def guest_key(session: SessionBase) -> str:
    """The guest's attempt key, created on first use."""
    if GUEST_KEY not in session:
        session[GUEST_KEY] = secrets.token_urlsafe(24)
    return session[GUEST_KEY]


def _versions(questions: list[Question]) -> dict[str, QuestionVersion]:
    """The stored versions of these questions, created once (two queries)."""
    QuestionVersion.objects.bulk_create(
        [
            QuestionVersion(
                question_id=q.id,
                version=q.version,
                section_id=q.section_id,
                anchor=q.anchor,
                prompt=q.prompt,
                answer_id=q.answer,
                explanation_html=q.explanation_html,
                choices=[
                    {"id": c.id, "text": c.text, "why_wrong_html": c.why_wrong_html}
                    for c in q.choices
                ],
            )
            for q in questions
        ],
        ignore_conflicts=True,
    )
    wanted = Q()
    for q in questions:
        wanted |= Q(question_id=q.id, version=q.version)
    return {v.question_id: v for v in QuestionVersion.objects.filter(wanted)}


@transaction.atomic
def start_attempt(
    *,
    user: object | None,
    session: SessionBase,
    chapter: Chapter,
    assessment: Assessment,
    content_version: str,
) -> Attempt:
    """A new attempt with its questions pinned to their versions, each with its own shuffle."""
    attempt = Attempt.objects.create(
        public_id=secrets.token_urlsafe(12),
        user=user,
        guest_key="" if user else guest_key(session),
        chapter_id=chapter.id,
        assessment_id=assessment.id,
        kind=assessment.kind,
        content_version=content_version,
        question_count=len(assessment.question_ids),
        started_at=timezone.now(),
    )
    questions = {q.id: q for q in chapter.questions}
    versions = _versions([questions[qid] for qid in assessment.question_ids])
    shuffle = random.Random(secrets.randbits(64))  # noqa: S311 (order, not secrecy)
    rows = []
    for position, qid in enumerate(assessment.question_ids, 1):
        version = versions[qid]
        ids = [c["id"] for c in version.choices]
        shown = list(range(len(ids)))
        shuffle.shuffle(shown)
        rows.append(
            AttemptQuestion(
                attempt=attempt, position=position, version=version, order=encode_order(shown)
            )
        )
    AttemptQuestion.objects.bulk_create(rows)
    hooks.attempt_started(attempt, chapter)
    return attempt


def skip_pre(*, user: object | None, session: SessionBase, chapter: Chapter) -> bool:
    """Record that the learner skipped the pre-study assessment; False if they already had one."""
    try:
        with transaction.atomic():
            Attempt.objects.create(
                public_id=secrets.token_urlsafe(12),
                user=user,
                guest_key="" if user else guest_key(session),
                chapter_id=chapter.id,
                assessment_id="pre",
                kind=Kind.PRE,
                status=Status.SKIPPED,
                content_version="",
                started_at=timezone.now(),
            )
    except IntegrityError:
        return False  # already has a pre-study attempt (started, submitted or skipped)
    return True


_TABLE = Answer._meta.db_table
_ATTEMPTS = Attempt._meta.db_table
# One statement: saves or replaces the answer only while the attempt is still open, so a
# double click or a race with submit can neither duplicate a row nor change a submitted result.
# SQLite serialises writers (IMMEDIATE); PostgreSQL needs FOR SHARE so the check waits for a
# concurrent submit (which holds the attempt row FOR UPDATE) and then sees it closed.
_UPSERT = (
    f'INSERT INTO "{_TABLE}" (attempt_id, position, choice_id, is_correct, answered_at) '  # noqa: S608
    f'SELECT %s, %s, %s, %s, %s WHERE EXISTS (SELECT 1 FROM "{_ATTEMPTS}" '
    "WHERE id = %s AND status = 'in_progress'{lock}) "
    "ON CONFLICT (attempt_id, position) DO UPDATE SET choice_id = excluded.choice_id, "
    "is_correct = excluded.is_correct, answered_at = excluded.answered_at"
)


def save_answer(*, attempt: Attempt, question: AttemptQuestion, choice: dict) -> None:
    """Save (or change) the answer to one question; raises AttemptClosedError after submission."""
    right = choice["id"] == question.answer_id
    params = [attempt.pk, question.position, choice["id"], right, timezone.now(), attempt.pk]
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.replace("{lock}", lock), params)
        if cursor.rowcount == 0:
            raise AttemptClosedError


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What saving (and perhaps submitting) a whole form did."""

    answers: dict[int, str]
    """Position to chosen choice id, after saving."""
    unanswered: int
    score: scoring.Score | None
    """Set when the attempt was submitted."""


@transaction.atomic
def save_all(
    *,
    attempt: Attempt,
    questions: list[AttemptQuestion],
    chosen: list[tuple[AttemptQuestion, dict]],
    submit: bool,
    confirmed: bool,
    current_ids: set[str],
) -> Outcome:
    """Save the posted answers in one statement; submit if asked and confirmed.

    The attempt row is locked first, so a double-clicked submit scores once and the second
    request finds it closed. Submitting stores the score with the attempt in this transaction
    (each answer's correctness was stored as it was saved). Raises AttemptClosedError for a
    submitted or skipped attempt.
    """
    if (
        not Attempt.objects.select_for_update()
        .filter(pk=attempt.pk, status=Status.IN_PROGRESS)
        .exists()
    ):
        raise AttemptClosedError
    now = timezone.now()
    if chosen:
        Answer.objects.bulk_create(
            [
                Answer(
                    attempt=attempt,
                    position=q.position,
                    choice_id=c["id"],
                    is_correct=c["id"] == q.answer_id,
                    answered_at=now,
                )
                for q, c in chosen
            ],
            update_conflicts=True,
            unique_fields=["attempt", "position"],
            update_fields=["choice_id", "is_correct", "answered_at"],
        )
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("position", "choice_id"))
    unanswered = len(questions) - sum(q.position in answers for q in questions)
    if not submit or (unanswered and not confirmed):
        return Outcome(answers=answers, unanswered=unanswered, score=None)
    result = scoring.score(asked(questions, answers, current_ids))
    Attempt.objects.filter(pk=attempt.pk).update(
        status=Status.SUBMITTED, submitted_at=now, correct=result.correct, counted=result.counted
    )
    hooks.attempt_submitted(attempt.pk)
    return Outcome(answers=answers, unanswered=unanswered, score=result)


@transaction.atomic
def claim_guest_attempts(*, session: SessionBase, user: object) -> None:
    """A guest's pre-study attempt joins the account, unless the account's own one is final.

    An account's submitted or skipped pre-study attempt is final (it is taken once); a guest's
    submitted one replaces an account's unfinished one; otherwise the account's is kept.
    """
    key = session.pop(GUEST_KEY, None)
    if not key:
        return
    for attempt in Attempt.objects.filter(user__isnull=True, guest_key=key, kind=Kind.PRE):
        mine = Attempt.objects.filter(
            user=user, chapter_id=attempt.chapter_id, kind=Kind.PRE
        ).first()
        if mine and (mine.status != Status.IN_PROGRESS or attempt.status != Status.SUBMITTED):
            attempt.delete()
            continue
        if mine:
            mine.delete()
        attempt.user, attempt.guest_key = user, ""
        attempt.save(update_fields=["user", "guest_key"])
