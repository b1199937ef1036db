"""Content problems: every one carries the file and line it was found at."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True, order=True)
class Problem:
    """One thing wrong with the content, reported as `path:line: message`."""

    path: str
    """File path, relative to the content root's parent when possible."""
    line: int
    """1-based line number in that file."""
    message: str
    """What is wrong, in words an author can act on."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised by the loader with every problem it found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
