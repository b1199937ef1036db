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
