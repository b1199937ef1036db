"""Scoring and learning gain: pure functions over plain data, no database."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Asked:
    """A question as asked in an attempt, with the learner's choice."""

    question_id: str
    answer_id: str
    chosen_id: str | None
    removed: bool
    """The question is no longer in the course: shown, but not counted."""

    @property
    def correct(self) -> bool:
        """Answered with the right choice."""
        return self.chosen_id == self.answer_id


@dataclass(frozen=True, kw_only=True)
class Score:
    """An attempt's score over the questions still in the course."""

    correct: int
    counted: int

    @property
    def percent(self) -> float:
        """Share correct, 0-100."""
        return 100 * self.correct / self.counted if self.counted else 0.0


def score(asked: list[Asked]) -> Score:
    """Count correct answers among questions not removed; unanswered counts as wrong."""
    counted = [a for a in asked if not a.removed]
    return Score(correct=sum(a.correct for a in counted), counted=len(counted))


def normalized_gain(pre_percent: float, post_percent: float) -> float | None:
    """Hake's g = (post - pre) / (100 - pre); None when pre is 100% (nothing left to gain)."""
    if pre_percent >= 100:
        return None
    return (post_percent - pre_percent) / (100 - pre_percent)


CHANGES = ("wrong_to_right", "right_to_wrong", "still_wrong", "kept_right")


def change(pre_correct: bool, post_correct: bool) -> str:
    """How one question moved between the attempts."""
    if post_correct:
        return "kept_right" if pre_correct else "wrong_to_right"
    return "right_to_wrong" if pre_correct else "still_wrong"


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """Pre vs post on the same questions."""

    changes: dict[str, str]
    """Question id to one of CHANGES."""
    pre: Score
    post: Score
    gain: float | None

    def count(self, kind: str) -> int:
        """How many questions moved this way."""
        return sum(c == kind for c in self.changes.values())


def compare(pre: list[Asked], post: list[Asked]) -> Comparison:
    """Same-item comparison: only questions asked in both and still in the course count."""
    before = {a.question_id: a for a in pre if not a.removed}
    after = {a.question_id: a for a in post if not a.removed}
    common = [qid for qid in after if qid in before]
    pre_score = score([before[q] for q in common])
    post_score = score([after[q] for q in common])
    return Comparison(
        changes={q: change(before[q].correct, after[q].correct) for q in common},
        pre=pre_score,
        post=post_score,
        gain=normalized_gain(pre_score.percent, post_score.percent) if common else None,
    )
