"""Results in pictures and words: per-section scores, the chart layout and the gain sentence.

Pure functions over plain data (no database), tested against hand-computed values.
"""

from dataclasses import dataclass

from .scoring import Comparison, Score

BAR_MAX = 240
"""Chart width of a 100 % bar, in SVG user units."""
LABEL_W = 56
BAR_H = 14
ROW_GAP = 14


@dataclass(frozen=True, kw_only=True)
class SectionRow:
    """One section's score before (pre-study, if compared) and after (this attempt)."""

    section_id: str
    label: str
    title: str
    before: Score | None
    after: Score


def section_rows(
    sections: list[tuple[str, str, str]], marks: list[tuple[str, bool | None, bool]]
) -> list[SectionRow]:
    """Per-section scores, in `sections` order (id, label, title); sections with no marks left out.

    Each mark is (section id, right before or None when not compared, right now).
    """
    rows = []
    for section_id, label, title in sections:
        mine = [m for m in marks if m[0] == section_id]
        if not mine:
            continue
        compared = [m for m in mine if m[1] is not None]
        before = Score(correct=sum(bool(m[1]) for m in compared), counted=len(compared))
        after = Score(correct=sum(m[2] for m in mine), counted=len(mine))
        rows.append(
            SectionRow(
                section_id=section_id,
                label=label,
                title=title,
                before=before if compared else None,
                after=after,
            )
        )
    return rows


@dataclass(frozen=True, kw_only=True)
class Bar:
    """One drawn bar: which series, where, how long, and its value."""

    series: str
    y: int
    width: float
    percent: float


@dataclass(frozen=True, kw_only=True)
class ChartRow:
    """One section's bars and the baseline of its label."""

    row: SectionRow
    label_y: int
    bars: list[Bar]


def layout(rows: list[SectionRow]) -> tuple[int, list[ChartRow]]:
    """The chart's height and each row's bars: pre then post, one bar each, 0-100 % wide."""
    y, out = ROW_GAP // 2, []
    for row in rows:
        series = [("pre", row.before), ("post", row.after)] if row.before else [("now", row.after)]
        bars = []
        for i, (name, score) in enumerate(series):
            width = round(BAR_MAX * score.percent / 100, 1)
            bars.append(Bar(series=name, y=y + i * BAR_H, width=width, percent=score.percent))
        out.append(ChartRow(row=row, label_y=y + len(bars) * BAR_H // 2 + 5, bars=bars))
        y += len(bars) * BAR_H + ROW_GAP
    return y - ROW_GAP // 2, out


def _pct(value: float) -> str:
    return f"{round(value)} %"


def gain_sentence(comparison: Comparison) -> str:
    """The learning gain in plain words."""
    pre, post, gain = comparison.pre.percent, comparison.post.percent, comparison.gain
    if gain is None:
        return f"You already scored {_pct(pre)} before studying: there was no gap left to close."
    if gain > 0:
        return (
            f"You closed {_pct(gain * 100)} of the gap between your pre-study score "
            f"({_pct(pre)}) and 100 %."
        )
    if gain == 0:
        return f"Your score stayed at {_pct(pre)}: the gap to 100 % is still open."
    return (
        f"Your score went down from {_pct(pre)} to {_pct(post)}: re-read the sections below "
        "and try again."
    )
