"""Cohort chart geometry as plain numbers, so templates draw SVG without arithmetic."""

from dataclasses import dataclass

from reports.cohort import CohortReport

WIDTH = 600
FILLS = {
    "not_started": "#d6d3cc",
    "reading": "#9fc5e8",
    "pre_done": "#6fa8dc",
    "post_done": "#3d85c6",
    "finished": "#1c4587",
}
ROW, BAR_W, LABEL_W = 28, 300, 230


@dataclass(frozen=True, kw_only=True)
class Segment:
    """One status's share of the stacked bar."""

    status: str
    label: str
    count: int
    x: int
    w: int
    fill: str


@dataclass(frozen=True, kw_only=True)
class PrePost:
    """One row with a before and an after value on a 0-100 scale, drawn as bars or dots."""

    label: str
    y: int
    pre: float | None
    post: float | None
    pre_x: int | None
    post_x: int | None


def status_bar(report: CohortReport) -> tuple[Segment, ...]:
    """The status tally as segments of a WIDTH-wide bar (empty statuses take no room)."""
    total = sum(count for _, _, count in report.status_counts) or 1
    x, out = 0, []
    for status, label, count in report.status_counts:
        w = round(WIDTH * count / total)
        out.append(Segment(status=status, label=label, count=count, x=x, w=w, fill=FILLS[status]))
        x += w
    return tuple(out)


def _x(value: float | None) -> int | None:
    return None if value is None else round(BAR_W * value / 100)


def _row(i: int, label: str, pre: float | None, post: float | None) -> PrePost:
    return PrePost(label=label, y=i * ROW, pre=pre, post=post, pre_x=_x(pre), post_x=_x(post))


def section_rows(report: CohortReport) -> tuple[tuple[PrePost, ...], int]:
    """Pooled pre and post % per section, and the chart's height."""
    rows = tuple(
        _row(i, f"{s.number}. {s.title}", s.pre_pct.value, s.post_pct.value)
        for i, s in enumerate(report.sections)
    )
    return rows, max(ROW * len(rows), ROW)


def _pct(share: float | None) -> float | None:
    return None if share is None else 100 * share


def item_dots(report: CohortReport) -> tuple[tuple[PrePost, ...], int]:
    """p_pre and p_post (as %) per item version, and the chart's height."""
    rows = tuple(
        _row(i, f"{it.item_id}@{it.item_version}", _pct(it.p_pre.value), _pct(it.p_post.value))
        for i, it in enumerate(report.items)
    )
    return rows, max(ROW * len(rows), ROW)
