"""Simulated learners for demos and benchmarks: pure, deterministic plans, no database."""

import datetime
import math
import random
from dataclasses import dataclass, field

from courses.content.model import Chapter, Question

STAGES = ("not_started", "reading", "pre_only", "post", "post_open")
"""How far a simulated learner got, in order."""
STAGE_WEIGHTS = (6, 10, 12, 62, 10)
"""Out of 100: some never start, some read only, some never finish the post-study assessment."""


@dataclass(frozen=True, kw_only=True)
class Item:
    """How a simulated question behaves: its difficulty and its tempting wrong option."""

    question: Question
    difficulty: float
    lure: str
    """The wrong option most learners pick."""
    stubborn: bool
    """Whether learners who pick the lure before keep picking it after studying."""


@dataclass(kw_only=True)
class PlannedAttempt:
    """An attempt to write: kind, times, and the choice per position (None: unanswered)."""

    kind: str
    status: str
    started_at: datetime.datetime
    submitted_at: datetime.datetime | None
    choices: list[str | None]
    revealed: bool = False


@dataclass(kw_only=True)
class PlannedLearner:
    """One simulated learner: when they joined, what they read, took and practised."""

    index: int
    joined_at: datetime.datetime
    share_before_joining: bool
    reading: list[tuple[str, datetime.datetime, datetime.datetime | None]]
    """(section id, opened at, completed at or None)."""
    attempts: list[PlannedAttempt] = field(default_factory=list)
    practice: list[tuple[str, str, str]] = field(default_factory=list)
    """(kind, item id, value)."""


def sigmoid(x: float) -> float:
    """The logistic function."""
    return 1 / (1 + math.exp(-x))


def items(chapter: Chapter, rng: random.Random) -> list[Item]:
    """Each question's difficulty and lure; about a quarter carry a stubborn misconception."""
    out = []
    for q in chapter.questions:
        wrong = [c.id for c in q.choices if c.id != q.answer]
        out.append(
            Item(
                question=q,
                difficulty=rng.gauss(0, 0.8),
                lure=rng.choice(wrong),
                stubborn=rng.random() < 0.25,
            )
        )
    if not any(i.stubborn for i in out):  # the demo must show at least one
        out[0] = Item(**{**out[0].__dict__, "stubborn": True})
    return out


def wrong_choice(item: Item, rng: random.Random) -> str:
    """A wrong option: usually the lure."""
    if rng.random() < 0.6:
        return item.lure
    return rng.choice([c.id for c in item.question.choices if c.id != item.question.answer])


def answer_pre(item: Item, ability: float, rng: random.Random) -> str:
    """The choice before studying."""
    if rng.random() < sigmoid(ability - item.difficulty - 0.6):
        return item.question.answer
    return wrong_choice(item, rng)


def answer_post(
    item: Item, before: str | None, ability: float, learned: float, rng: random.Random
) -> str:
    """The choice after studying: stubborn lures persist, a few right answers regress."""
    if before == item.question.answer and rng.random() < 0.06:
        return wrong_choice(item, rng)
    if before == item.lure and item.stubborn and rng.random() < 0.65:
        return item.lure
    if rng.random() < sigmoid(ability - item.difficulty + learned):
        return item.question.answer
    return wrong_choice(item, rng)


def plan(
    *,
    chapter: Chapter,
    guide_items: list[tuple[str, str]],
    n: int,
    seed: int,
    now: datetime.datetime,
) -> list[PlannedLearner]:
    """n learners with a spread of abilities, stages, join dates and last activity."""
    rng = random.Random(seed)  # noqa: S311 (simulation, not secrets)
    behaviour = items(chapter, rng)
    return [_learner(i, chapter, behaviour, guide_items, rng, now) for i in range(n)]


def _learner(
    i: int,
    chapter: Chapter,
    behaviour: list[Item],
    guide_items: list[tuple[str, str]],
    rng: random.Random,
    now: datetime.datetime,
) -> PlannedLearner:
    """One learner's plan."""
    stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
    ability = rng.gauss(0, 1)
    # Activity runs from the join date for a while; about a third went quiet weeks ago.
    joined = now - datetime.timedelta(days=rng.uniform(3, 75))
    end = now - datetime.timedelta(days=rng.uniform(15, 30)) if rng.random() < 0.33 else now
    end = max(end, joined + datetime.timedelta(hours=3))
    # About 12 steps of activity: those who do everything reach their last day.
    step = (end - joined) / rng.uniform(9, 16)
    clock = _Clock(joined + datetime.timedelta(minutes=rng.uniform(1, 120)), step, end, rng)
    learner = PlannedLearner(
        index=i, joined_at=joined, share_before_joining=rng.random() < 0.3, reading=[]
    )
    if stage == "not_started":
        return learner
    pre: list[str | None] = []
    if stage != "reading":
        if rng.random() < 0.04:
            learner.attempts.append(_attempt("pre", "skipped", clock.tick(), [], closed=False))
        else:
            pre = [answer_pre(item, ability, rng) for item in behaviour]
            start = clock.tick()
            learner.attempts.append(_attempt("pre", "submitted", start, pre, rng=rng))
    _read(learner, chapter, stage, clock, rng)
    if stage in ("post", "post_open"):
        _posts(learner, behaviour, pre, ability, stage, clock, rng)
    learner.practice = [
        (kind, item, _mark(kind, rng))
        for kind, item in guide_items
        if rng.random() < 0.25 * (stage != "reading")
    ]
    return learner


class _Clock:
    """Moves a learner's time forward by random steps."""

    def __init__(
        self,
        start: datetime.datetime,
        step: datetime.timedelta,
        end: datetime.datetime,
        rng: random.Random,
    ) -> None:
        self.now, self.step, self.end, self.rng = start, step, end, rng

    def tick(self) -> datetime.datetime:
        """The next moment, never past the learner's last day (so never in the future)."""
        late = self.end - datetime.timedelta(minutes=30)
        self.now = min(self.now + self.step * self.rng.uniform(0.2, 1.8), late)
        return self.now


def _attempt(
    kind: str,
    status: str,
    start: datetime.datetime,
    choices: list[str | None],
    closed: bool = True,
    rng: random.Random | None = None,
) -> PlannedAttempt:
    """A planned attempt that took 5 to 25 minutes when closed."""
    minutes = datetime.timedelta(minutes=(rng.uniform(5, 25) if rng else 0))
    return PlannedAttempt(
        kind=kind,
        status=status,
        started_at=start,
        choices=choices,
        submitted_at=start + minutes if closed else None,
        revealed=bool(rng and kind == "pre" and rng.random() < 0.03),
    )


def _read(
    learner: PlannedLearner, chapter: Chapter, stage: str, clock: _Clock, rng: random.Random
) -> None:
    """Open sections in order; complete most of those opened (all before a post attempt)."""
    total = len(chapter.sections)
    opened = total if stage in ("post", "post_open") else rng.randint(1, total)
    for section in chapter.sections[:opened]:
        start = clock.tick()
        done = stage == "post" or rng.random() < 0.7
        learner.reading.append((section.id, start, clock.tick() if done else None))


def _posts(
    learner: PlannedLearner,
    behaviour: list[Item],
    pre: list[str | None],
    ability: float,
    stage: str,
    clock: _Clock,
    rng: random.Random,
) -> None:
    """A first post-study attempt, sometimes retaken; post_open leaves the last one unfinished."""
    learned = rng.gauss(1.6, 0.9)
    before: list[str | None] = pre or [None] * len(behaviour)
    sittings = 1 + (rng.random() < 0.3) + (rng.random() < 0.1)
    for k in range(sittings):
        choices = [
            answer_post(it, b, ability, learned + 0.4 * k, rng)
            for it, b in zip(behaviour, before, strict=True)
        ]
        if stage == "post_open" and k == sittings - 1:
            partial = rng.randint(0, len(choices) - 1)
            open_choices = [c if p < partial else None for p, c in enumerate(choices)]
            learner.attempts.append(
                _attempt("post", "in_progress", clock.tick(), open_choices, closed=False)
            )
            return
        learner.attempts.append(_attempt("post", "submitted", clock.tick(), choices, rng=rng))
        before = choices


def _mark(kind: str, rng: random.Random) -> str:
    """A practice mark's value."""
    if kind == "step":
        return "done"
    return rng.choice(["could_answer", "could_answer", "needs_work"])
