"""Item-writing flags: cues that let a learner score without knowing (warnings, not errors)."""

import re
from dataclasses import dataclass

from .model import Question
from .problems import Problem

ABOVE = re.compile(r"\b(all|none) of the above\b", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class Flag:
    """One item-writing cue found in a question."""

    code: str
    """A stable key: "longest-right" or "of-the-above"."""
    message: str
    """What the cue is, in words an author can act on."""


def item_flags(question: Question) -> list[Flag]:
    """The item-writing cues in one question, in a fixed order."""
    flags: list[Flag] = []
    right = next(c for c in question.choices if c.id == question.answer)
    others = [len(c.text) for c in question.choices if c.id != question.answer]
    if others and len(right.text) > max(others):
        flags.append(
            Flag(
                code="longest-right",
                message=f"the right option '{right.id}' is the longest ({len(right.text)} "
                f"characters, the next {max(others)}): test-wise learners pick it without knowing",
            )
        )
    above = [c.id for c in question.choices if ABOVE.search(c.text)]
    if above:
        flags.append(
            Flag(
                code="of-the-above",
                message=f"option(s) {', '.join(above)} say 'all/none of the above': "
                "a learner can reach it by elimination",
            )
        )
    return flags


def flag_problems(question: Question, path: str, line: int) -> list[Problem]:
    """The question's flags as warnings at its file and line."""
    return [
        Problem(path=path, line=line, message=f"warning: question '{question.id}': {flag.message}")
        for flag in item_flags(question)
    ]
