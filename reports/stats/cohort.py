"""Per-cohort figures over matched learners: class gain, effect size, means and sections."""

from collections.abc import Iterable, Sequence

from reports.stats.figures import Figure
from reports.stats.intervals import differences, mean, sample_sd
from reports.stats.learner import normalized_gain

HAKE_MEDIUM = 0.3
HAKE_HIGH = 0.7


def class_gain(pre: Sequence[float], post: Sequence[float]) -> Figure:
    """Hake's <g> = (mean post - mean pre) / (100 - mean pre) over matched pairs."""
    n = len(differences(pre, post))
    if n == 0:
        return Figure(value=None, n=0, reason="no matched learners")
    g = normalized_gain(mean(pre), mean(post))
    if g.value is None:
        return Figure(value=None, n=n, reason="mean pre-study score was 100 %: no room to gain")
    return Figure(value=g.value, n=n)


def hake_band(g: float | None) -> str:
    """Hake's band for a class gain: low < 0.3 <= medium < 0.7 <= high; "" when undefined."""
    if g is None:
        return ""
    if g < HAKE_MEDIUM:
        return "low"
    if g < HAKE_HIGH:
        return "medium"
    return "high"


def effect_size_dz(pre: Sequence[float], post: Sequence[float]) -> Figure:
    """Paired effect size d_z = mean(d) / sd(d); needs n >= 3 and sd > 0."""
    d = differences(pre, post)
    n = len(d)
    if n < 3:
        return Figure(value=None, n=n, reason="effect size needs at least 3 matched learners")
    sd = sample_sd(d)
    if sd == 0:
        return Figure(value=None, n=n, reason="every learner changed by the same amount (sd = 0)")
    return Figure(value=mean(d) / sd, n=n)


def mean_figure(values: Sequence[Figure]) -> Figure:
    """The mean of the defined values (e.g. mean c); n counts the defined ones."""
    defined = [f.value for f in values if f.value is not None]
    if not defined:
        return Figure(value=None, n=0, reason="no defined values")
    dropped = len(values) - len(defined)
    reason = f"{dropped} undefined left out" if dropped else ""
    return Figure(value=mean(defined), n=len(defined), reason=reason)


def pooled_section(pairs: Iterable[tuple[int, int, int]]) -> tuple[Figure, Figure, Figure]:
    """(pre %, post %, g) pooled over (pre_correct, post_correct, counted) per matched learner."""
    rows = list(pairs)
    sums = (sum(row[i] for row in rows) for i in range(3))
    return pooled_section_sums(len(rows), *sums)


def pooled_section_sums(n: int, pre: int, post: int, counted: int) -> tuple[Figure, Figure, Figure]:
    """`pooled_section` from its sums: n learners, right before, right after, questions counted."""
    if counted <= 0:
        empty = Figure(value=None, n=n, reason="no counted questions")
        return empty, empty, empty
    pre_pct, post_pct = 100 * pre / counted, 100 * post / counted
    g = normalized_gain(pre_pct, post_pct)
    gain = Figure(value=g.value, n=n, reason=g.reason)
    return Figure(value=pre_pct, n=n), Figure(value=post_pct, n=n), gain
