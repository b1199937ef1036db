"""Per-learner figures: score percentage, normalized gain g and normalized change c."""

from reports.stats.figures import Figure


def score_pct(correct: int, counted: int) -> Figure:
    """Score as 100 * correct / counted; undefined when nothing was counted."""
    if counted <= 0:
        return Figure(value=None, n=0, reason="no counted questions")
    return Figure(value=100 * correct / counted, n=counted)


def normalized_gain(pre: float, post: float) -> Figure:
    """Hake's g = (post - pre) / (100 - pre); undefined when pre = 100."""
    if pre >= 100:
        return Figure(value=None, n=1, reason="pre-study score was 100 %: no room to gain")
    return Figure(value=(post - pre) / (100 - pre), n=1)


def normalized_change(pre: float, post: float) -> Figure:
    """Marx and Cummings' c in [-1, 1]; dropped when pre = post = 0 or 100."""
    if pre == post:
        if pre in (0, 100):
            return Figure(value=None, n=1, reason=f"pre and post both {pre:g} %: dropped")
        return Figure(value=0.0, n=1)
    if post > pre:
        return Figure(value=(post - pre) / (100 - pre), n=1)
    return Figure(value=(post - pre) / pre, n=1)
