"""Small-number rule for anonymized views: fewer than 5 learners are refused or aggregated."""

from reports.stats.figures import Figure

MIN_ANONYMIZED = 5


def anonymized_allowed(n: int) -> bool:
    """Whether a group of n learners may be shown or exported anonymized (n >= 5)."""
    return n >= MIN_ANONYMIZED


def suppress_small(figure: Figure) -> Figure:
    """The figure for an anonymized view: emptied, with the reason, when n < 5."""
    if anonymized_allowed(figure.n):
        return figure
    return Figure(
        value=None, n=figure.n, reason=f"fewer than {MIN_ANONYMIZED} learners: not shown anonymized"
    )
