"""Intervals: Student-t quantiles, the mean-change t interval and the Wilson score interval."""

import math
from collections.abc import Sequence

from reports.stats.figures import Interval

Z95 = 1.96

# 0.975 quantiles of Student's t by degrees of freedom; None stands for infinity.
T975: dict[int, float] = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    11: 2.201,
    12: 2.179,
    13: 2.160,
    14: 2.145,
    15: 2.131,
    16: 2.120,
    17: 2.110,
    18: 2.101,
    19: 2.093,
    20: 2.086,
    21: 2.080,
    22: 2.074,
    23: 2.069,
    24: 2.064,
    25: 2.060,
    26: 2.056,
    27: 2.052,
    28: 2.048,
    29: 2.045,
    30: 2.042,
    40: 2.021,
    60: 2.000,
    120: 1.980,
}
T975_INFINITY = 1.960
"""The limit for df -> infinity; finite df above 120 use the 120 row (next lower df)."""


def t975(df: int) -> float:
    """Student-t 0.975 quantile; between table rows the next lower df (wider, conservative)."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, got {df}")
    return T975[max(key for key in T975 if key <= df)]


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean of a non-empty sequence."""
    return sum(values) / len(values)


def sample_sd(values: Sequence[float]) -> float:
    """The sample standard deviation (divisor n - 1) of at least two values."""
    centre = mean(values)
    return math.sqrt(sum((v - centre) ** 2 for v in values) / (len(values) - 1))


def differences(pre: Sequence[float], post: Sequence[float]) -> list[float]:
    """Post minus pre for matched pairs; the sequences must have the same length."""
    if len(pre) != len(post):
        raise ValueError(f"pre and post must be matched pairs: {len(pre)} != {len(post)}")
    return [b - a for a, b in zip(pre, post, strict=True)]


def mean_change(pre: Sequence[float], post: Sequence[float]) -> Interval:
    """Mean of post - pre with mean +- t(0.975, n-1) * sd / sqrt(n) (interval needs n >= 2)."""
    d = differences(pre, post)
    n = len(d)
    if n == 0:
        return Interval(value=None, lo=None, hi=None, n=0, reason="no matched learners")
    centre = mean(d)
    if n < 2:
        return Interval(value=centre, lo=None, hi=None, n=n, reason="interval needs n >= 2")
    half = t975(n - 1) * sample_sd(d) / math.sqrt(n)
    return Interval(value=centre, lo=centre - half, hi=centre + half, n=n)


def wilson(successes: int, n: int) -> Interval:
    """A proportion (0..1) with its Wilson score 95 % interval (z = 1.96)."""
    if n <= 0:
        return Interval(value=None, lo=None, hi=None, n=0, reason="no learners")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n: {successes} of {n}")
    p = successes / n
    z2 = Z95 * Z95
    centre = p + z2 / (2 * n)
    spread = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    scale = 1 + z2 / n
    lo = max(0.0, (centre - spread) / scale)
    hi = min(1.0, (centre + spread) / scale)
    return Interval(value=p, lo=lo, hi=hi, n=n)
