"""Per-section scores, the chart layout and the gain sentence, against hand-computed values."""

from quiz import charts
from quiz.scoring import Comparison, Score

SECTIONS = [("a", "8.1", "Alpha"), ("b", "8.2", "Beta"), ("c", "8.3", "Gamma")]


def test_section_rows_count_before_and_after_per_section_in_reading_order():
    marks = [("b", True, True), ("a", False, True), ("a", False, False), ("b", None, False)]
    rows = charts.section_rows(SECTIONS, marks)
    assert [r.label for r in rows] == ["8.1", "8.2"]  # 8.3 has no questions: left out
    assert rows[0].before == Score(correct=0, counted=2) and rows[0].after == Score(
        correct=1, counted=2
    )
    # the question not in the pre-study attempt counts after, not before
    assert rows[1].before == Score(correct=1, counted=1) and rows[1].after == Score(
        correct=1, counted=2
    )


def test_rows_without_a_baseline_have_no_before():
    rows = charts.section_rows(SECTIONS, [("c", None, True)])
    assert rows[0].before is None and rows[0].after == Score(correct=1, counted=1)


def test_layout_draws_pre_and_post_bars_scaled_to_100_percent():
    rows = charts.section_rows(
        SECTIONS, [("a", False, True), ("a", True, True), ("b", None, False)]
    )
    height, drawn = charts.layout(rows)
    a, b = drawn
    assert [(bar.series, bar.y, bar.width) for bar in a.bars] == [
        ("pre", 7, 120.0),
        ("post", 21, 240.0),
    ]
    assert [(bar.series, bar.y, bar.width) for bar in b.bars] == [("now", 49, 0.0)]
    # 7 + 2 bars of 14 + a gap of 14 = 49; then 1 bar: 49 + 14 + 14 - 7 = 70
    assert height == 70 and a.label_y == 7 + 14 + 5


def test_gain_in_plain_words():
    def comp(pre: int, post: int, gain: float | None) -> Comparison:
        return Comparison(
            changes={},
            pre=Score(correct=pre, counted=12),
            post=Score(correct=post, counted=12),
            gain=gain,
        )

    # pre 6/12 = 50 %, post 10/12 = 83.3 %: g = 33.3 / 50 = 0.667
    assert charts.gain_sentence(comp(6, 10, (250 / 3 - 50) / 50)) == (
        "You closed 67 % of the gap between your pre-study score (50 %) and 100 %."
    )
    assert charts.gain_sentence(comp(12, 12, None)).startswith("You already scored 100 %")
    assert charts.gain_sentence(comp(6, 6, 0.0)) == (
        "Your score stayed at 50 %: the gap to 100 % is still open."
    )
    assert charts.gain_sentence(comp(6, 3, -0.5)).startswith(
        "Your score went down from 50 % to 25 %"
    )
