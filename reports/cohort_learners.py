"""Per-learner rows of a cohort report, from stored scores and aggregated reading."""

import datetime
from dataclasses import dataclass

from reports import stats
from reports.cohort_data import LearnerRows
from reports.stats import Figure

NO_ATTEMPT = Figure(value=None, n=0, reason="not taken")


@dataclass(frozen=True, kw_only=True)
class LearnerRow:
    """One learner in the cohort (columns of learners.csv)."""

    user_id: int
    display_name: str
    joined_at: datetime.datetime
    status: str
    sections_completed: int
    sections_total: int
    pre_attempt_id: int | None
    pre_submitted_at: datetime.datetime | None
    pre_correct: int | None
    pre_pct: Figure
    post_first_attempt_id: int | None
    post_first_submitted_at: datetime.datetime | None
    post_first_correct: int | None
    post_first_pct: Figure
    post_best_pct: Figure
    post_latest_pct: Figure
    post_attempts: int
    gain_g: Figure
    change_c: Figure
    last_activity_at: datetime.datetime | None


def _pct(attempt: dict | None) -> Figure:
    return stats.score_pct(attempt["correct"], attempt["counted"]) if attempt else NO_ATTEMPT


def _status(who: LearnerRows, completed: int, total: int) -> str:
    if who.posts:
        return "finished" if total and completed == total else "post_done"
    if who.pre:
        return "pre_done"
    return "reading" if who.read else "not_started"


def _last(who: LearnerRows) -> datetime.datetime | None:
    stamps = [who.practice_at, who.read_at]
    stamps += [a["submitted_at"] for a in [who.pre, *who.posts] if a]
    found = [s for s in stamps if s is not None]
    return max(found) if found else None


def _gain(pre: Figure, post: Figure) -> tuple[Figure, Figure]:
    if pre.value is None or post.value is None:
        empty = Figure(value=None, n=0, reason="needs both assessments")
        return empty, empty
    return stats.normalized_gain(pre.value, post.value), stats.normalized_change(
        pre.value, post.value
    )


def _row(who: LearnerRows, sections: list[str]) -> LearnerRow:
    first = who.posts[0] if who.posts else None
    pcts = [_pct(a) for a in who.posts]
    best = max(pcts, key=lambda f: f.value if f.value is not None else -1, default=NO_ATTEMPT)
    pre_pct, post_pct = _pct(who.pre), _pct(first)
    g, c = _gain(pre_pct, post_pct)
    return LearnerRow(
        user_id=who.user_id,
        display_name=who.name,
        joined_at=who.joined_at,
        status=_status(who, who.completed, len(sections)),
        sections_completed=who.completed,
        sections_total=len(sections),
        pre_attempt_id=who.pre["id"] if who.pre else None,
        pre_submitted_at=who.pre["submitted_at"] if who.pre else None,
        pre_correct=who.pre["correct"] if who.pre else None,
        pre_pct=pre_pct,
        post_first_attempt_id=first["id"] if first else None,
        post_first_submitted_at=first["submitted_at"] if first else None,
        post_first_correct=first["correct"] if first else None,
        post_first_pct=post_pct,
        post_best_pct=best,
        post_latest_pct=pcts[-1] if pcts else NO_ATTEMPT,
        post_attempts=len(who.posts),
        gain_g=g,
        change_c=c,
        last_activity_at=_last(who),
    )


def learner_rows(learners: dict[int, LearnerRows], sections: list[str]) -> tuple[LearnerRow, ...]:
    """Learner rows, by name."""
    return tuple(
        sorted((_row(w, sections) for w in learners.values()), key=lambda r: r.display_name)
    )
