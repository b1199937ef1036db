"""responses.csv: every answer of a cohort's learners, streamed from one query in chunks."""

from collections.abc import Iterator

from django.db.models import F, OuterRef, Subquery

from cohorts.models import Cohort
from quiz.models import Answer, AttemptQuestion, Status

from .cohort_files import utc
from .cohort_summary import learner_memberships

RESPONSE_COLUMNS = [
    "cohort",
    "learner_key",
    "attempt_id",
    "kind",
    "attempt_no",
    "submitted_at",
    "item_id",
    "item_version",
    "section_id",
    "position_shown",
    "choice_id",
    "correct",
    "answered_at",
]


def _asked(cohort: Cohort, chapter_id: str) -> Iterator[dict]:
    members = learner_memberships([cohort]).filter(cohort=cohort)
    since = members.filter(user_id=OuterRef("attempt__user_id")).values("since")[:1]
    answer = Answer.objects.filter(attempt_id=OuterRef("attempt_id"), position=OuterRef("position"))
    rows = (
        AttemptQuestion.objects.filter(
            attempt__user_id__in=members.values("user_id"),
            attempt__chapter_id=chapter_id,
            attempt__status=Status.SUBMITTED,
        )
        .annotate(since=Subquery(since))
        .filter(attempt__submitted_at__gte=F("since"))
        .annotate(
            choice_id=Subquery(answer.values("choice_id")),
            is_correct=Subquery(answer.values("is_correct")),
            answered_at=Subquery(answer.values("answered_at")),
        )
        .order_by("attempt__user_id", "attempt__kind", "attempt__submitted_at", "position")
        .values(
            "attempt__user_id",
            "attempt__public_id",
            "attempt__kind",
            "attempt__submitted_at",
            "attempt_id",
            "version__question_id",
            "version__version",
            "version__section_id",
            "position",
            "choice_id",
            "is_correct",
            "answered_at",
        )
    )
    return rows.iterator(chunk_size=2000)


def response_records(cohort: Cohort, chapter_id: str, keys: dict[int, str]) -> Iterator[dict]:
    """One row per learner x attempt x item asked; attempt_no counts each kind from 1."""
    numbers: dict[tuple[int, str], list[int]] = {}
    for r in _asked(cohort, chapter_id):
        seen = numbers.setdefault((r["attempt__user_id"], r["attempt__kind"]), [])
        if r["attempt_id"] not in seen:
            seen.append(r["attempt_id"])
        yield {
            "cohort": cohort.name,
            "learner_key": keys.get(r["attempt__user_id"]),
            "attempt_id": r["attempt__public_id"],
            "kind": r["attempt__kind"],
            "attempt_no": len(seen),
            "submitted_at": utc(r["attempt__submitted_at"]),
            "item_id": r["version__question_id"],
            "item_version": r["version__version"],
            "section_id": r["version__section_id"],
            "position_shown": r["position"],
            "choice_id": r["choice_id"],
            "correct": r["is_correct"],
            "answered_at": utc(r["answered_at"]),
        }
