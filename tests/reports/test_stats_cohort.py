"""Per-cohort statistics against hand-computed values."""

import math

import pytest

from reports.stats import (
    Figure,
    class_gain,
    effect_size_dz,
    hake_band,
    mean_change,
    mean_figure,
    pooled_section,
)

PRE = [40, 50, 60]
POST = [60, 70, 65]
# d = 20, 20, 5; mean 15; deviations 5, 5, -10; sum of squares 150; sample var 75; sd = 8.660254


def test_class_gain_is_gain_of_the_means() -> None:
    figure = class_gain(PRE, POST)
    assert figure.value == pytest.approx(0.3)  # (65 - 50) / (100 - 50) = 15 / 50
    assert figure.n == 3


def test_class_gain_undefined() -> None:
    assert class_gain([], []).value is None
    full = class_gain([100, 100], [90, 100])
    assert full.value is None and "100" in full.reason


def test_class_gain_needs_matched_pairs() -> None:
    with pytest.raises(ValueError, match="matched"):
        class_gain([10, 20], [30])


@pytest.mark.parametrize(
    ("g", "band"),
    [
        (None, ""),
        (-0.2, "low"),
        (0.29, "low"),
        (0.3, "medium"),
        (0.69, "medium"),
        (0.7, "high"),
        (1.0, "high"),
    ],
)
def test_hake_band(g: float | None, band: str) -> None:
    assert hake_band(g) == band


def test_mean_change_t_interval() -> None:
    interval = mean_change(PRE, POST)
    # se = 8.660254 / sqrt(3) = 5; t(0.975, 2) = 4.303; half width 21.515
    assert interval.value == pytest.approx(15)
    assert interval.lo == pytest.approx(15 - 21.515)
    assert interval.hi == pytest.approx(15 + 21.515)
    assert interval.n == 3


def test_mean_change_small_n() -> None:
    empty = mean_change([], [])
    assert (empty.value, empty.lo, empty.hi, empty.n) == (None, None, None, 0)
    one = mean_change([40], [70])
    assert (one.value, one.lo, one.hi) == (30, None, None)
    assert "n >= 2" in one.reason


def test_mean_change_sd_zero_collapses_the_interval() -> None:
    interval = mean_change([10, 20], [20, 30])  # d = 10, 10: sd 0
    assert (interval.value, interval.lo, interval.hi) == (10, 10, 10)


def test_effect_size_dz() -> None:
    figure = effect_size_dz(PRE, POST)
    assert figure.value == pytest.approx(math.sqrt(3))  # 15 / 8.660254 = 1.7320
    assert figure.n == 3


def test_effect_size_dz_undefined() -> None:
    assert "at least 3" in effect_size_dz([10, 20], [30, 40]).reason
    same = effect_size_dz([10, 20, 30], [20, 30, 40])  # d = 10, 10, 10
    assert same.value is None and "sd = 0" in same.reason


def test_mean_figure_skips_undefined() -> None:
    values = [
        Figure(value=0.5, n=1),
        Figure(value=None, n=1, reason="dropped"),
        Figure(value=-0.5, n=1),
        Figure(value=0.3, n=1),
    ]
    figure = mean_figure(values)
    assert figure.value == pytest.approx(0.1)  # (0.5 - 0.5 + 0.3) / 3
    assert figure.n == 3
    assert "1 undefined" in figure.reason
    assert mean_figure([Figure(value=None, n=1)]).value is None


def test_pooled_section() -> None:
    pre, post, g = pooled_section([(2, 3, 4), (1, 4, 4), (4, 4, 4)])
    assert pre.value == pytest.approx(100 * 7 / 12)  # 58.333
    assert post.value == pytest.approx(100 * 11 / 12)  # 91.667
    assert g.value == pytest.approx(0.8)  # 33.333 / 41.667
    assert pre.n == post.n == g.n == 3


def test_pooled_section_undefined() -> None:
    assert all(f.value is None for f in pooled_section([]))
    pre, post, g = pooled_section([(4, 4, 4), (3, 3, 3)])
    assert (pre.value, post.value, g.value) == (100, 100, None)
