"""Per-item and per-section figures of a cohort, from grouped counts of matched answers."""

from collections import Counter
from dataclasses import dataclass

from reports import stats
from reports.stats import Figure, Interval, Tag, Transitions

Cells = dict[tuple[str | None, bool, str | None, bool], int]
"""(pre choice, right before, post choice, right after) to how many matched learners."""


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


def _transitions(cells: Cells) -> stats.Transitions:
    t = Counter()
    for (_, before, _, after), k in cells.items():
        t[before, after] += k
    return Transitions(rr=t[True, True], rw=t[True, False], wr=t[False, True], ww=t[False, False])


def item_row(version: object, cells: Cells, discrimination: Figure) -> ItemRow:
    """Every figure of one question version from its cells of matched learners."""
    right = version.answer_id
    t = _transitions(cells)
    options: Counter = Counter()
    for (before, _, after, _), k in cells.items():
        options[before, after] += k
    stubborn = stats.kept_options(options, right)
    p_pre = stats.wilson(t.rr + t.rw, t.n)
    mcnemar = stats.mcnemar_exact(t)
    pre_counts, post_counts = Counter(), Counter()
    for (before, after), k in options.items():
        pre_counts[before] += k
        post_counts[after] += k
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
        discrimination_pre=discrimination,
        random_guess=stats.random_guess(len(ids)),
        top_wrong_choice_pre=stats.top_wrong_choice(pre_counts, right) or "",
        top_wrong_choice_post=stats.top_wrong_choice(post_counts, right) or "",
        stubborn_count=sum(stubborn.values()),
        stubborn=stubborn,
        choice_counts=tuple((i, pre_counts[i], post_counts[i]) for i in ids),
        option_transitions=dict(options),
        tags=tuple(
            stats.item_tags(
                p_pre=Figure(value=p_pre.value, n=t.n), t=t, mcnemar=mcnemar, stubborn=stubborn
            )
        ),
    )


INDICATIVE_ITEMS = 5
"""Sections pooling fewer items than this are labelled indicative."""


def section_row(
    section: object, items: list[ItemRow], enrolled: int, done: int, matched: int
) -> SectionRow:
    """A section's completion and its items pooled over its `matched` learners."""
    pre = sum(i.transitions.rr + i.transitions.rw for i in items)
    post = sum(i.transitions.rr + i.transitions.wr for i in items)
    pre_pct, post_pct, gain = stats.pooled_section_sums(matched, pre, post, sum(i.n for i in items))
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
        pre_pct=pre_pct,
        post_pct=post_pct,
        gain_g=gain,
        n_matched=matched,
        indicative=len(items) < INDICATIVE_ITEMS,
    )
