"""Discrimination and KR-20 against hand-computed values."""

import pytest

from reports.stats import discrimination, kr20

ITEM = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
REST = [3, 3, 3, 3, 1, 3, 1, 1, 1, 1]
TOTALS = [i + r for i, r in zip(ITEM, REST, strict=True)]


def test_discrimination_is_item_rest_correlation() -> None:
    # item mean 0.5 (deviations +-0.5), rest mean 2 (deviations +-1);
    # sxy = 4 * 0.5 - 0.5 - 0.5 + 4 * 0.5 = 3; sxx = 2.5; syy = 10; r = 3 / sqrt(25) = 0.6
    figure = discrimination(ITEM, TOTALS)
    assert figure.value == pytest.approx(0.6)
    assert figure.n == 10


def test_discrimination_needs_10_learners() -> None:
    figure = discrimination(ITEM[:9], TOTALS[:9])
    assert figure.value is None and "n >= 10" in figure.reason


def test_discrimination_needs_spread() -> None:
    assert discrimination([1] * 10, TOTALS).value is None  # item variance 0
    assert discrimination(ITEM, [i + 2 for i in ITEM]).value is None  # rest variance 0


def test_discrimination_needs_matching_lengths() -> None:
    with pytest.raises(ValueError, match="per learner"):
        discrimination(ITEM, TOTALS[:5])


MATRIX = [[1, 1, 1]] * 3 + [[1, 1, 0]] * 2 + [[1, 0, 0]] * 2 + [[0, 0, 0]] * 3


def test_kr20() -> None:
    # p = 0.7, 0.5, 0.3: sum pq = 0.21 + 0.25 + 0.21 = 0.67;
    # totals 3,3,3,2,2,1,1,0,0,0: mean 1.5, population var (3*2.25 + 4*0.25 + 3*2.25) / 10 = 1.45;
    # KR-20 = 3/2 * (1 - 0.67 / 1.45) = 0.806897
    figure = kr20(MATRIX)
    assert figure.value == pytest.approx(0.806897, abs=1e-6)
    assert figure.n == 10
    assert "indicative" in figure.reason


def test_kr20_undefined() -> None:
    assert "n >= 10" in kr20(MATRIX[:9]).reason
    assert kr20([]).value is None
    assert "variance 0" in kr20([[1, 0, 1]] * 10).reason
