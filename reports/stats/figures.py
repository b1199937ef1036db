"""Plain value types for statistics: a figure that may be undefined, an interval, a tag."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A number that may be undefined, with the count it rests on."""

    value: float | None
    """The number, or None when it is undefined."""
    n: int
    """How many observations the number rests on."""
    reason: str = ""
    """Why the value is None (or a caveat about it); empty when there is nothing to say."""


@dataclass(frozen=True, kw_only=True)
class Interval:
    """An estimate with its 95 % interval; any part may be undefined."""

    value: float | None
    """The point estimate, or None when undefined."""
    lo: float | None
    """The lower bound of the 95 % interval."""
    hi: float | None
    """The upper bound of the 95 % interval."""
    n: int
    """How many observations the estimate rests on."""
    reason: str = ""
    """Why a part is None; empty when everything is defined."""


@dataclass(frozen=True, kw_only=True)
class Transitions:
    """Right/wrong before and after for one item over matched learners."""

    rr: int
    """Right before, right after."""
    rw: int
    """Right before, wrong after."""
    wr: int
    """Wrong before, right after."""
    ww: int
    """Wrong before, wrong after."""

    @property
    def n(self) -> int:
        """The number of matched learners."""
        return self.rr + self.rw + self.wr + self.ww


@dataclass(frozen=True, kw_only=True)
class Tag:
    """A label on an item, shown with the rule that set it and its n."""

    code: str
    """A stable key, e.g. "taught"."""
    label: str
    """The words shown, e.g. "Taught"."""
    rule: str
    """The rule in words, e.g. "WR > RW and McNemar p < 0.05"."""
    n: int
    """How many learners the rule looked at."""
