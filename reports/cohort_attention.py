"""Needs attention: one row per learner (or item) with every rule that hit it, most urgent first."""

import datetime
from dataclasses import dataclass

from reports.cohort_items import ItemRow
from reports.cohort_learners import LearnerRow

INACTIVE_DAYS = 14
SHOWN = 50
"""The page lists this many rows; the learners table filters to all of them."""
URGENCY = {"regressed": 0, "below": 1, "stubborn": 2, "inactive": 3}
"""Rule kinds, most urgent first."""


@dataclass(frozen=True, kw_only=True)
class Flag:
    """One rule that hit a learner or an item."""

    kind: str
    """below, inactive, stubborn or regressed."""
    rule: str
    """The rule in words."""
    item_id: str = ""
    """The question a stubborn distractor belongs to."""
    choice: str = ""
    """The stubborn distractor."""


@dataclass(frozen=True, kw_only=True)
class Attention:
    """A learner or an item an instructor should look at, with the rules that raised it."""

    user_id: int | None
    """The learner; None for an item."""
    item_id: str
    """The item; "" for a learner."""
    label: str
    flags: tuple[Flag, ...]


def _learner_flags(r: LearnerRow, stale: datetime.datetime) -> list[Flag]:
    flags = []
    pre, post = r.pre_pct.value, r.post_first_pct.value
    if pre is not None and post is not None and post < pre:
        flags.append(Flag(kind="below", rule="first post % < pre %"))
    if r.status != "finished" and (r.last_activity_at or r.joined_at) < stale:
        flags.append(Flag(kind="inactive", rule=f"no activity for {INACTIVE_DAYS} days"))
    return flags


def attention(
    learners: tuple[LearnerRow, ...],
    items: tuple[ItemRow, ...],
    kept: dict[int, set[tuple[str, str]]],
    now: datetime.datetime,
) -> tuple[Attention, ...]:
    """Items with RW > WR, then learners by their most urgent rule and number of rules."""
    stale = now - datetime.timedelta(days=INACTIVE_DAYS)
    out = []
    for r in learners:
        flags = _learner_flags(r, stale)
        flags += [
            Flag(
                kind="stubborn",
                rule=f"chose stubborn distractor {choice} before and after",
                item_id=item_id,
                choice=choice,
            )
            for item_id, choice in sorted(kept.get(r.user_id, ()))
        ]
        if flags:
            out.append(
                Attention(user_id=r.user_id, item_id="", label=r.display_name, flags=tuple(flags))
            )
    out.sort(key=lambda a: (min(URGENCY[f.kind] for f in a.flags), -len(a.flags), a.label))
    regressed = sorted({i.item_id for i in items if i.transitions.rw > i.transitions.wr})
    flag = Flag(kind="regressed", rule="RW > WR")
    return tuple(
        Attention(user_id=None, item_id=i, label=i, flags=(flag,)) for i in regressed
    ) + tuple(out)
