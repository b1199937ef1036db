"""One cohort's report for one chapter: header, status, learners, items, sections, attention."""

import datetime
from dataclasses import dataclass

from cohorts.models import Cohort
from courses.catalog import get_course
from reports import stats
from reports.cohort_data import cohort_rows
from reports.cohort_items import ItemRow, SectionRow, item_row, section_row
from reports.cohort_learners import LearnerRow, learner_rows
from reports.stats import Figure, Interval

STATUSES = ("not_started", "reading", "pre_done", "post_done", "finished")
STATUS_LABELS = {
    "not_started": "Not started",
    "reading": "Reading",
    "pre_done": "Pre done",
    "post_done": "Post done",
    "finished": "Finished",
}
INACTIVE_DAYS = 14


@dataclass(frozen=True, kw_only=True)
class Header:
    """The overview's headline figures (summary.json), each with its n."""

    enrolled: int
    pre_done: int
    post_done: int
    matched: int
    mean_pre: Figure
    mean_post: Figure
    class_gain: Figure
    hake_band: str
    mean_c: Figure
    mean_change: Interval
    effect_size_dz: Figure
    kr20_pre: Figure


@dataclass(frozen=True, kw_only=True)
class Attention:
    """Something an instructor should look at, with the rule that raised it."""

    kind: str
    rule: str
    user_id: int | None
    item_id: str
    label: str


@dataclass(frozen=True, kw_only=True)
class CohortReport:
    """Everything the overview shows and the cohort files hold, as plain data."""

    cohort_id: int
    cohort_name: str
    chapter_id: str
    chapter_title: str
    generated_at: datetime.datetime
    header: Header
    status_counts: tuple[tuple[str, str, int], ...]
    """(status, label, count) in workflow order."""
    learners: tuple[LearnerRow, ...]
    items: tuple[ItemRow, ...]
    sections: tuple[SectionRow, ...]
    attention: tuple[Attention, ...]


def _mean(xs: list[float]) -> Figure:
    if not xs:
        return Figure(value=None, n=0, reason="no matched learners")
    return Figure(value=sum(xs) / len(xs), n=len(xs))


def _header(learners: tuple[LearnerRow, ...], items: tuple[ItemRow, ...]) -> Header:
    matched = [
        r for r in learners if r.pre_pct.value is not None and r.post_first_pct.value is not None
    ]
    pre = [r.pre_pct.value for r in matched]
    post = [r.post_first_pct.value for r in matched]
    g = stats.class_gain(pre, post)
    by_user = {}
    for item in items:
        for p in item.pairs:
            by_user.setdefault(p.user_id, {})[(item.item_id, item.item_version)] = int(
                p.pre_correct
            )
    keys = sorted({k for row in by_user.values() for k in row})
    full = [[row[k] for k in keys] for row in by_user.values() if len(row) == len(keys)]
    return Header(
        enrolled=len(learners),
        pre_done=sum(r.pre_pct.value is not None for r in learners),
        post_done=sum(r.post_first_pct.value is not None for r in learners),
        matched=len(matched),
        mean_pre=_mean(pre),
        mean_post=_mean(post),
        class_gain=g,
        hake_band=stats.hake_band(g.value),
        mean_c=stats.mean_figure([r.change_c for r in matched]),
        mean_change=stats.mean_change(pre, post),
        effect_size_dz=stats.effect_size_dz(pre, post),
        kr20_pre=stats.kr20(full),
    )


def _attention(learners: tuple, items: tuple, now: datetime.datetime) -> tuple[Attention, ...]:
    out = []
    stale = now - datetime.timedelta(days=INACTIVE_DAYS)
    stubborn = {(i.item_id, c) for i in items for c, k in i.stubborn.items() if k >= 2}
    names = {r.user_id: r.display_name for r in learners}
    for r in learners:
        pre, post = r.pre_pct.value, r.post_first_pct.value
        if pre is not None and post is not None and post < pre:
            out.append(
                Attention(
                    kind="below",
                    rule="first post % < pre %",
                    user_id=r.user_id,
                    item_id="",
                    label=r.display_name,
                )
            )
        if r.status != "finished" and (r.last_activity_at or r.joined_at) < stale:
            out.append(
                Attention(
                    kind="inactive",
                    rule=f"no activity for {INACTIVE_DAYS} days",
                    user_id=r.user_id,
                    item_id="",
                    label=r.display_name,
                )
            )
    for i in items:
        for p in i.pairs:
            if p.pre_choice == p.post_choice and (i.item_id, p.pre_choice) in stubborn:
                name = names[p.user_id]
                out.append(
                    Attention(
                        kind="stubborn",
                        user_id=p.user_id,
                        item_id=i.item_id,
                        rule=f"chose stubborn distractor {p.pre_choice} before and after",
                        label=name,
                    )
                )
        if i.transitions.rw > i.transitions.wr:
            out.append(
                Attention(
                    kind="regressed",
                    rule="RW > WR",
                    user_id=None,
                    item_id=i.item_id,
                    label=i.item_id,
                )
            )
    return tuple(out)


def cohort_report(
    cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None = None
) -> CohortReport:
    """The report of one cohort in one of its chapters (its first by default)."""
    chapter_id = chapter_id or (cohort.chapter_ids or [""])[0]
    chapter = next((c for c in get_course().chapters if c.id == chapter_id), None)
    sections = chapter.sections if chapter else ()
    rows = cohort_rows(cohort, chapter_id)
    learners, pairs, pre_totals = learner_rows(rows, [s.id for s in sections])
    order = {s.id: s.number for s in sections}
    items = tuple(
        sorted(
            (item_row(rows.versions[vid], found, pre_totals) for vid, found in pairs.items()),
            key=lambda i: (order.get(i.section_id, 999), i.item_id, i.item_version),
        )
    )
    done = {s.id: sum(s.id in r.completed for r in learners) for s in sections}
    section_rows = tuple(
        section_row(s, [i for i in items if i.section_id == s.id], len(learners), done[s.id])
        for s in sections
    )
    tally = tuple((s, STATUS_LABELS[s], sum(r.status == s for r in learners)) for s in STATUSES)
    return CohortReport(
        cohort_id=cohort.pk,
        cohort_name=cohort.name,
        chapter_id=chapter_id,
        chapter_title=chapter.title if chapter else chapter_id,
        generated_at=now,
        header=_header(learners, items),
        status_counts=tally,
        learners=learners,
        items=items,
        sections=section_rows,
        attention=_attention(learners, items, now),
    )
