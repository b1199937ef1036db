"""Per-item and per-section figures of a cohort, from matched learners' pinned answers."""

from collections import Counter
from dataclasses import dataclass

from reports import stats
from reports.stats import Figure, Interval, Tag, Transitions


@dataclass(frozen=True, kw_only=True)
class Pair:
    """One matched learner's answers to one question version, before and after."""

    user_id: int
    pre_choice: str | None
    post_choice: str | None
    pre_correct: bool
    post_correct: bool


@dataclass(frozen=True, kw_only=True)
class ItemRow:
    """One question version over the cohort's matched learners (columns of items.csv)."""

    item_id: str
    item_version: str
    section_id: str
    prompt: str
    choices: tuple[tuple[str, str], ...]
    """(choice id, text) in authored order."""
    answer_id: str
    n: int
    p_pre: Interval
    p_post: Interval
    transitions: Transitions
    item_gain: Figure
    mcnemar_p: Figure
    discrimination_pre: Figure
    random_guess: float
    top_wrong_choice_pre: str
    top_wrong_choice_post: str
    stubborn_count: int
    """Learners who chose the same wrong option before and after."""
    stubborn: dict[str, int]
    choice_counts: tuple[tuple[str, int, int], ...]
    """(choice id, pre count, post count)."""
    option_transitions: dict[tuple[str | None, str | None], int]
    pairs: tuple[Pair, ...]
    tags: tuple[Tag, ...]


@dataclass(frozen=True, kw_only=True)
class SectionRow:
    """One section pooled over its items (columns of sections.csv)."""

    section_id: str
    title: str
    number: int
    n_learners: int
    n_completed: int
    completion_pct: Figure
    n_items: int
    pre_pct: Figure
    post_pct: Figure
    gain_g: Figure
    n_matched: int
    indicative: bool
    """Few items: the pooled figures are indicative."""


def _top_wrong(choices: list[str | None], right: str) -> str:
    wrong = Counter(c for c in choices if c is not None and c != right)
    return wrong.most_common(1)[0][0] if wrong else ""


def item_row(version: object, pairs: list[Pair], pre_totals: dict[int, int]) -> ItemRow:
    """Every figure of one question version from its matched pairs."""
    right = version.answer_id
    t = stats.transitions((p.pre_correct, p.post_correct) for p in pairs)
    choice_pairs = [(p.pre_choice, p.post_choice) for p in pairs]
    stubborn = stats.stubborn_distractors(choice_pairs, right)
    p_pre = stats.wilson(t.rr + t.rw, t.n)
    mcnemar = stats.mcnemar_exact(t)
    pre_counts = Counter(p.pre_choice for p in pairs)
    post_counts = Counter(p.post_choice for p in pairs)
    item = [int(p.pre_correct) for p in pairs]
    totals = [pre_totals[p.user_id] for p in pairs]
    ids = [c["id"] for c in version.choices]
    return ItemRow(
        item_id=version.question_id,
        item_version=version.version,
        section_id=version.section_id,
        prompt=version.prompt,
        choices=tuple((c["id"], c["text"]) for c in version.choices),
        answer_id=right,
        n=t.n,
        p_pre=p_pre,
        p_post=stats.wilson(t.rr + t.wr, t.n),
        transitions=t,
        item_gain=stats.item_gain(t),
        mcnemar_p=mcnemar,
        discrimination_pre=stats.discrimination(item, totals),
        random_guess=stats.random_guess(len(ids)),
        top_wrong_choice_pre=_top_wrong([p.pre_choice for p in pairs], right),
        top_wrong_choice_post=_top_wrong([p.post_choice for p in pairs], right),
        stubborn_count=sum(stubborn.values()),
        stubborn=stubborn,
        choice_counts=tuple((i, pre_counts[i], post_counts[i]) for i in ids),
        option_transitions=stats.option_transitions(choice_pairs),
        pairs=tuple(pairs),
        tags=tuple(
            stats.item_tags(
                p_pre=Figure(value=p_pre.value, n=t.n), t=t, mcnemar=mcnemar, stubborn=stubborn
            )
        ),
    )


INDICATIVE_ITEMS = 5
"""Sections pooling fewer items than this are labelled indicative."""


def section_row(section: object, items: list[ItemRow], enrolled: int, done: int) -> SectionRow:
    """A section's completion and its items pooled per matched learner."""
    per_learner: dict[int, list[int]] = {}
    for item in items:
        for p in item.pairs:
            row = per_learner.setdefault(p.user_id, [0, 0, 0])
            row[0] += p.pre_correct
            row[1] += p.post_correct
            row[2] += 1
    pre, post, gain = stats.pooled_section(tuple(r) for r in per_learner.values())
    completion = (
        Figure(value=100 * done / enrolled, n=enrolled)
        if enrolled
        else Figure(value=None, n=0, reason="no learners")
    )
    return SectionRow(
        section_id=section.id,
        title=section.title,
        number=section.number,
        n_learners=enrolled,
        n_completed=done,
        completion_pct=completion,
        n_items=len({i.item_id for i in items}),
        pre_pct=pre,
        post_pct=post,
        gain_g=gain,
        n_matched=len(per_learner),
        indicative=len(items) < INDICATIVE_ITEMS,
    )
