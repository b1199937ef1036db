"""responses.csv: every answer of a cohort's learners, streamed from one SQL statement in chunks."""

from collections.abc import Iterator

from cohorts.models import Cohort

from .cohort_files import utc
from .cohort_sql import responses

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


def response_records(cohort: Cohort, chapter_id: str, keys: dict[int, str]) -> Iterator[dict]:
    """One row per learner x attempt x item asked; attempt_no counts each kind from 1."""
    numbers: dict[tuple[int, str], list[int]] = {}
    for user_id, public_id, kind, submitted_at, attempt_id, *rest in responses(cohort, chapter_id):
        question_id, version, section_id, position, choice_id, correct, answered_at = rest
        seen = numbers.setdefault((user_id, kind), [])
        if attempt_id not in seen:
            seen.append(attempt_id)
        yield {
            "cohort": cohort.name,
            "learner_key": keys.get(user_id),
            "attempt_id": public_id,
            "kind": kind,
            "attempt_no": len(seen),
            "submitted_at": utc(submitted_at),
            "item_id": question_id,
            "item_version": version,
            "section_id": section_id,
            "position_shown": position,
            "choice_id": choice_id,
            "correct": None if correct is None else int(correct),
            "answered_at": utc(answered_at),
        }
