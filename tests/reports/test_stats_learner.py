"""Per-learner statistics against hand-computed values."""

import pytest

from reports.stats import normalized_change, normalized_gain, score_pct


def test_score_pct() -> None:
    assert score_pct(9, 12).value == 75.0  # 100 * 9 / 12
    assert score_pct(1, 3).value == pytest.approx(33.3333, abs=1e-4)  # 100 / 3
    assert score_pct(9, 12).n == 12


def test_score_pct_nothing_counted_is_undefined() -> None:
    figure = score_pct(0, 0)
    assert figure.value is None
    assert "no counted" in figure.reason


def test_normalized_gain() -> None:
    assert normalized_gain(40, 70).value == 0.5  # (70 - 40) / (100 - 40) = 30 / 60
    assert normalized_gain(50, 25).value == -0.5  # (25 - 50) / 50
    assert normalized_gain(0, 0).value == 0.0  # 0 / 100


def test_normalized_gain_undefined_at_pre_100() -> None:
    figure = normalized_gain(100, 90)
    assert figure.value is None
    assert "100" in figure.reason


def test_normalized_change() -> None:
    assert normalized_change(40, 70).value == 0.5  # up: 30 / (100 - 40)
    assert normalized_change(80, 40).value == -0.5  # down: -40 / 80
    assert normalized_change(100, 50).value == -0.5  # down from 100: -50 / 100
    assert normalized_change(0, 50).value == 0.5  # up from 0: 50 / 100
    assert normalized_change(60, 60).value == 0.0  # unchanged


@pytest.mark.parametrize("score", [0, 100])
def test_normalized_change_dropped_at_both_0_or_100(score: int) -> None:
    figure = normalized_change(score, score)
    assert figure.value is None
    assert "dropped" in figure.reason
