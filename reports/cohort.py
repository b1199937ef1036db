"""One cohort's report for one chapter: header, status, learners, items, sections, attention."""

import datetime
from dataclasses import dataclass

from cohorts.models import Cohort
from courses.catalog import get_course
from reports import cohort_sql, stats
from reports.allocating import allocating
from reports.cohort_attention import Attention, attention
from reports.cohort_data import cohort_learners
from reports.cohort_items import ItemRow, SectionRow, section_row
from reports.cohort_learners import LearnerRow, learner_rows
from reports.cohort_matched import matched_figures
from reports.stats import Figure, Interval

STATUSES = ("not_started", "reading", "pre_done", "post_done", "finished")
STATUS_LABELS = {
    "not_started": "Not started",
    "reading": "Reading",
    "pre_done": "Pre done",
    "post_done": "Post done",
    "finished": "Finished",
}


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
    """Every learner and item needing attention, most urgent first (the page shows the top)."""


def _mean(xs: list[float]) -> Figure:
    if not xs:
        return Figure(value=None, n=0, reason="no matched learners")
    return Figure(value=sum(xs) / len(xs), n=len(xs))


def _header(learners: tuple[LearnerRow, ...], kr20_pre: Figure) -> Header:
    matched = [
        r for r in learners if r.pre_pct.value is not None and r.post_first_pct.value is not None
    ]
    pre = [r.pre_pct.value for r in matched]
    post = [r.post_first_pct.value for r in matched]
    g = stats.class_gain(pre, post)
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
        kr20_pre=kr20_pre,
    )


def cohort_report(
    cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None = None
) -> CohortReport:
    """The report of one cohort in one of its chapters (its first by default)."""
    with allocating():
        return _report(cohort, now=now, chapter_id=chapter_id)


def _report(cohort: Cohort, *, now: datetime.datetime, chapter_id: str | None) -> CohortReport:
    chapter_id = chapter_id or (cohort.chapter_ids or [""])[0]
    chapter = next((c for c in get_course().chapters if c.id == chapter_id), None)
    sections = chapter.sections if chapter else ()
    ids = [s.id for s in sections]
    learners = learner_rows(cohort_learners(cohort, chapter_id, ids), ids)
    matched = matched_figures(cohort, chapter_id, {s.id: s.number for s in sections})
    items = matched.items
    done = cohort_sql.completed(cohort, chapter_id)
    section_rows = tuple(
        section_row(
            s,
            [i for i in items if i.section_id == s.id],
            len(learners),
            done.get(s.id, 0),
            matched.section_learners.get(s.id, 0),
        )
        for s in sections
    )
    tally = tuple((s, STATUS_LABELS[s], sum(r.status == s for r in learners)) for s in STATUSES)
    return CohortReport(
        cohort_id=cohort.pk,
        cohort_name=cohort.name,
        chapter_id=chapter_id,
        chapter_title=chapter.title if chapter else chapter_id,
        generated_at=now,
        header=_header(learners, matched.kr20_pre),
        status_counts=tally,
        learners=learners,
        items=items,
        sections=section_rows,
        attention=attention(learners, items, matched.kept, now),
    )
