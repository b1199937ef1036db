"""Test-level figures over pre-study answers: item discrimination and KR-20 reliability."""

import math
from collections.abc import Sequence

from reports.stats.figures import Figure

MIN_LEARNERS = 10


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson correlation of two equal-length sequences; None when either variance is 0."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def discrimination(item: Sequence[int], totals: Sequence[int]) -> Figure:
    """Corrected item-rest Pearson r (item vs total minus item); needs n >= 10 and variance."""
    if len(item) != len(totals):
        raise ValueError(f"item and totals must be per learner: {len(item)} != {len(totals)}")
    n = len(item)
    if n < MIN_LEARNERS:
        return Figure(value=None, n=n, reason=f"discrimination needs n >= {MIN_LEARNERS}")
    rest = [total - score for score, total in zip(item, totals, strict=True)]
    r = pearson(item, rest)
    if r is None:
        return Figure(value=None, n=n, reason="no spread: every learner scored alike")
    return Figure(value=r, n=n)


def kr20(matrix: Sequence[Sequence[int]]) -> Figure:
    """KR-20 = k/(k-1) * (1 - sum p(1-p) / var_total), population variance; n >= 10."""
    n = len(matrix)
    if n < MIN_LEARNERS:
        return Figure(value=None, n=n, reason=f"reliability needs n >= {MIN_LEARNERS}")
    k = len(matrix[0])
    if k < 2 or any(len(row) != k for row in matrix):
        raise ValueError("every learner needs the same items, at least two")
    totals = [sum(row) for row in matrix]
    mean_total = sum(totals) / n
    var_total = sum((t - mean_total) ** 2 for t in totals) / n
    if var_total == 0:
        return Figure(value=None, n=n, reason="every learner had the same total (variance 0)")
    pq = 0.0
    for column in range(k):
        p = sum(row[column] for row in matrix) / n
        pq += p * (1 - p)
    reason = "indicative: few items" if k <= 20 else ""
    return Figure(value=k / (k - 1) * (1 - pq / var_total), n=n, reason=reason)


def discrimination_from_sums(wrong: tuple[int, int, int], right: tuple[int, int, int]) -> Figure:
    """`discrimination` from (n, sum, sum of squares) of the totals of those wrong and right.

    The same corrected item-rest r, from grouped counts instead of one row per learner: the
    rest score is the total minus the item, so the right group's sums shift by one each.
    """
    n0, s0, q0 = wrong
    n1, s1, q1 = right
    n = n0 + n1
    if n < MIN_LEARNERS:
        return Figure(value=None, n=n, reason=f"discrimination needs n >= {MIN_LEARNERS}")
    rest_sum = s0 + s1 - n1
    rest_sq = q0 + q1 - 2 * s1 + n1
    sxx = n * n1 - n1 * n1  # n^2 times the variances and covariance: exact integers
    syy = n * rest_sq - rest_sum * rest_sum
    sxy = n * (s1 - n1) - n1 * rest_sum
    if sxx == 0 or syy == 0:
        return Figure(value=None, n=n, reason="no spread: every learner scored alike")
    return Figure(value=sxy / math.sqrt(sxx * syy), n=n)


def kr20_from_sums(n: int, right: Sequence[int], total_sum: int, total_sq: int) -> Figure:
    """`kr20` from n learners, how many got each item right, and the sum and sum of squares
    of their totals."""
    if n < MIN_LEARNERS:
        return Figure(value=None, n=n, reason=f"reliability needs n >= {MIN_LEARNERS}")
    k = len(right)
    if k < 2:
        return Figure(value=None, n=n, reason="reliability needs at least two questions")
    spread = n * total_sq - total_sum * total_sum  # n^2 times the population variance
    if spread == 0:
        return Figure(value=None, n=n, reason="every learner had the same total (variance 0)")
    pq = sum((c / n) * (1 - c / n) for c in right)
    reason = "indicative: few items" if k <= 20 else ""
    return Figure(value=k / (k - 1) * (1 - pq / (spread / n**2)), n=n, reason=reason)
