"""Per-item figures: right/wrong transitions, item gain, exact McNemar, option transitions."""

import math
from collections import Counter
from collections.abc import Iterable

from reports.stats.figures import Figure, Interval, Transitions
from reports.stats.intervals import wilson

MCNEMAR_MIN_M = 6
"""With fewer discordant learners than this, no item can reach p < 0.05."""


def random_guess(options: int) -> float:
    """The random-guess baseline 1 / options (0.25 for four options)."""
    if options < 1:
        raise ValueError(f"an item needs at least one option, got {options}")
    return 1 / options


RANDOM_GUESS = random_guess


def transitions(pairs: Iterable[tuple[bool, bool]]) -> Transitions:
    """Count RR, RW, WR, WW from (right before, right after) per matched learner."""
    counts = Counter((bool(before), bool(after)) for before, after in pairs)
    return Transitions(
        rr=counts[True, True],
        rw=counts[True, False],
        wr=counts[False, True],
        ww=counts[False, False],
    )


def item_gain(t: Transitions) -> Figure:
    """(WR - RW) / (WR + WW); n is the denominator, the learners wrong before."""
    wrong_before = t.wr + t.ww
    if wrong_before == 0:
        return Figure(value=None, n=0, reason="no learner was wrong before")
    return Figure(value=(t.wr - t.rw) / wrong_before, n=wrong_before)


def mcnemar_exact(t: Transitions) -> Figure:
    """Exact two-sided McNemar p over m = WR + RW discordant learners; "no test" when m = 0."""
    m = t.wr + t.rw
    if m == 0:
        return Figure(value=None, n=0, reason="no test: no learner changed between right and wrong")
    tail = sum(math.comb(m, k) for k in range(min(t.wr, t.rw) + 1))
    p = min(1.0, 2 * tail / 2**m)
    reason = ""
    if m < MCNEMAR_MIN_M:
        who = "learner" if m == 1 else "learners"
        reason = f"only {m} {who} changed: with m <= 5 no item can reach p < 0.05"
    return Figure(value=p, n=m, reason=reason)


def option_transitions(
    pairs: Iterable[tuple[str | None, str | None]],
) -> dict[tuple[str | None, str | None], int]:
    """Count (pre choice, post choice) pairs; None stands for no answer."""
    return dict(Counter(pairs))


def stubborn_distractors(
    pairs: Iterable[tuple[str | None, str | None]], right: str
) -> dict[str, int]:
    """Per wrong option, how many learners chose it both before and after."""
    counts = Counter(pre for pre, post in pairs if pre is not None and pre == post and pre != right)
    return dict(counts.most_common())


def kept_options(counts: dict[tuple[str | None, str | None], int], right: str) -> dict[str, int]:
    """`stubborn_distractors` from (pre choice, post choice) counts instead of pairs."""
    kept = Counter(
        {pre: k for (pre, post), k in counts.items() if pre not in (None, right) and pre == post}
    )
    return dict(kept.most_common())


def p_pre(t: Transitions) -> Interval:
    """Share right before, (RR + RW) / n, with its Wilson 95 % interval."""
    return wilson(t.rr + t.rw, t.n)


def p_post(t: Transitions) -> Interval:
    """Share right after, (RR + WR) / n, with its Wilson 95 % interval."""
    return wilson(t.rr + t.wr, t.n)


def option_counts(choices: Iterable[str | None]) -> dict[str | None, int]:
    """How many learners chose each option (None: no answer), most chosen first."""
    return dict(Counter(choices).most_common())


def top_wrong_choice(counts: dict[str | None, int], right: str) -> str | None:
    """The wrong option chosen most (ties: the lowest id); None when nobody chose one."""
    wrong = sorted(
        (-count, choice) for choice, count in counts.items() if choice not in (None, right)
    )
    return wrong[0][1] if wrong and wrong[0][0] < 0 else None
