"""Student-t table and the Wilson interval against hand-computed values."""

import pytest

from reports.stats import t975, wilson


@pytest.mark.parametrize(
    ("df", "quantile"),
    [
        (1, 12.706),
        (2, 4.303),
        (30, 2.042),
        (35, 2.042),
        (40, 2.021),
        (59, 2.021),
        (60, 2.000),
        (120, 1.980),
        (5000, 1.980),
    ],
)
def test_t975_uses_the_next_lower_df(df: int, quantile: float) -> None:
    assert t975(df) == quantile


def test_t975_rejects_df_0() -> None:
    with pytest.raises(ValueError, match="degrees of freedom"):
        t975(0)


def test_wilson_3_of_10() -> None:
    interval = wilson(3, 10)
    # z^2 = 3.8416; centre 0.3 + 0.19208 = 0.49208; spread 1.96 * sqrt(0.021 + 0.009604) = 0.342883;
    # scale 1.38416: lo = 0.149197 / 1.38416 = 0.10779, hi = 0.834963 / 1.38416 = 0.60322
    assert interval.value == 0.3
    assert interval.lo == pytest.approx(0.10779, abs=1e-5)
    assert interval.hi == pytest.approx(0.60322, abs=1e-5)
    assert interval.n == 10


def test_wilson_0_of_5() -> None:
    interval = wilson(0, 5)
    # centre 0.38416 = spread 1.96 * 0.196; hi = 0.76832 / 1.76832 = 0.43449
    assert interval.value == 0.0
    assert interval.lo == 0.0
    assert interval.hi == pytest.approx(0.43449, abs=1e-5)


def test_wilson_n_0_is_undefined() -> None:
    interval = wilson(0, 0)
    assert (interval.value, interval.lo, interval.hi, interval.n) == (None, None, None, 0)
    assert interval.reason


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="between 0 and n"):
        wilson(6, 5)
