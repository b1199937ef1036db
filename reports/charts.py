"""Chart geometry as plain numbers, so templates draw SVG without arithmetic."""

from dataclasses import dataclass

from .learner import LearnerReport

ROW, BAR, LABEL_W, BAR_W = 44, 14, 220, 240


@dataclass(frozen=True, kw_only=True)
class BarRow:
    """One section's two bars: before and after studying."""

    label: str
    y: int
    pre_w: int
    post_w: int
    pre: int
    post: int


def section_bars(report: LearnerReport) -> tuple[tuple[BarRow, ...], int]:
    """Bars per section and the chart's height."""
    rows = tuple(
        BarRow(
            label=f"{s.number}. {s.title}",
            y=i * ROW,
            pre=s.pre_percent,
            post=s.post_percent,
            pre_w=round(BAR_W * s.pre_percent / 100),
            post_w=round(BAR_W * s.post_percent / 100),
        )
        for i, s in enumerate(report.sections)
    )
    return rows, max(ROW * len(rows), ROW)
