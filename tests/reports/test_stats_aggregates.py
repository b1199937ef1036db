"""Statistics from grouped sums (as SQL returns them) against hand values and the list forms."""

import random

import pytest

from reports.stats import (
    discrimination,
    discrimination_from_sums,
    kept_options,
    kr20,
    kr20_from_sums,
    pooled_section,
    pooled_section_sums,
    stubborn_distractors,
)


def test_discrimination_from_sums_is_the_hand_computed_item_rest_r() -> None:
    # The list test's learners grouped: wrong before totals 3,1,1,1,1 (n 5, sum 7, squares 13);
    # right before totals 4,4,4,4,2 (n 5, sum 18, squares 68); r = 3 / sqrt(2.5 * 10) = 0.6
    figure = discrimination_from_sums((5, 7, 13), (5, 18, 68))
    assert figure.value == pytest.approx(0.6) and figure.n == 10


def test_discrimination_from_sums_undefined_cases() -> None:
    assert "n >= 10" in discrimination_from_sums((4, 4, 4), (5, 10, 20)).reason
    assert "no spread" in discrimination_from_sums((0, 0, 0), (10, 30, 90)).reason  # all right
    # rest scores all 2: wrong totals 2 (x5), right totals 3 (x5)
    assert "no spread" in discrimination_from_sums((5, 10, 20), (5, 15, 45)).reason


def test_kr20_from_sums_is_the_hand_computed_value() -> None:
    # p = 0.7, 0.5, 0.3; totals 3,3,3,2,2,1,1,0,0,0: sum 15, squares 37; population var 1.45
    figure = kr20_from_sums(10, [7, 5, 3], 15, 37)
    assert figure.value == pytest.approx(0.806897, abs=1e-6)
    assert figure.n == 10 and "indicative" in figure.reason


def test_kr20_from_sums_undefined_cases() -> None:
    assert "n >= 10" in kr20_from_sums(9, [7, 5, 3], 15, 37).reason
    assert "two questions" in kr20_from_sums(10, [7], 7, 7).reason
    assert "variance 0" in kr20_from_sums(10, [10, 0, 10], 20, 40).reason


def test_pooled_section_sums_is_the_hand_computed_value() -> None:
    # 3 learners, 6 answers: 3 right before (50 %), 4 after (66.7 %), g = 16.7 / 50 = 1/3
    pre, post, g = pooled_section_sums(3, 3, 4, 6)
    assert pre.value == 50 and post.value == pytest.approx(400 / 6)
    assert g.value == pytest.approx(1 / 3) and g.n == 3
    assert pooled_section_sums(0, 0, 0, 0)[0].reason == "no counted questions"


def _grouped(item: list[int], totals: list[int]) -> tuple[tuple, tuple]:
    def group(x: int) -> tuple[int, int, int]:
        ts = [t for i, t in zip(item, totals, strict=True) if i == x]
        return len(ts), sum(ts), sum(t * t for t in ts)

    return group(0), group(1)


@pytest.mark.parametrize("seed", range(20))
def test_the_sum_forms_agree_with_the_list_forms(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    n, k = rng.randint(8, 60), rng.randint(1, 6)
    matrix = [[int(rng.random() < 0.2 + 0.1 * j) for j in range(k)] for _ in range(n)]
    totals = [sum(row) for row in matrix]
    for j in range(k):
        item = [row[j] for row in matrix]
        listed, summed = (
            discrimination(item, totals),
            discrimination_from_sums(*_grouped(item, totals)),
        )
        assert (listed.value is None) == (summed.value is None)
        assert summed.value == pytest.approx(listed.value) and summed.n == listed.n
    if k >= 2:
        right = [sum(row[j] for row in matrix) for j in range(k)]
        listed = kr20(matrix)
        summed = kr20_from_sums(n, right, sum(totals), sum(t * t for t in totals))
        assert summed.value == pytest.approx(listed.value) and summed.reason == listed.reason
    rows = [(row[0], row[-1], k) for row in matrix]
    sums = [sum(r[i] for r in rows) for i in range(3)]
    assert pooled_section(rows) == pooled_section_sums(n, *sums)


def test_kept_options_count_a_distractor_chosen_before_and_after() -> None:
    # right is b: a kept by 3, c by 1; b kept does not count, nor no answer kept
    counts = {("a", "a"): 3, ("c", "c"): 1, ("b", "b"): 5, (None, None): 2, ("a", "b"): 4}
    assert kept_options(counts, "b") == {"a": 3, "c": 1}
    pairs = [pair for pair, k in counts.items() for _ in range(k)]
    assert kept_options(counts, "b") == stubborn_distractors(pairs, "b")
