"""Typed field reading for one content file, collecting problems with their lines."""

import datetime
import re

from .problems import Problem
from .yamlio import LineDict, LineList

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Id(str):
    """Marker type: a stable id (lowercase words joined by hyphens)."""


def _kind(value: object) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the boolean {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


_EXPECTED = {str: "text", Id: "an id", int: "a whole number", list: "a list", dict: "a mapping"}


class FileReader:
    """Reads fields from one file's parsed data and records what is wrong."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def error(self, line: int, message: str) -> None:
        """Record one problem at a line of this file."""
        self.problems.append(Problem(path=self.path, line=line, message=message))

    def check(self, value: object, kind: type, line: int, label: str) -> bool:
        """Is `value` of `kind`? Records a problem naming the field if not."""
        ok = {
            str: isinstance(value, str) and bool(value.strip()),
            Id: isinstance(value, str) and bool(ID_RE.match(value)),
            int: isinstance(value, int) and not isinstance(value, bool),
            list: isinstance(value, list),
            dict: isinstance(value, dict),
        }[kind]
        if ok:
            return True
        if kind is Id and isinstance(value, str):
            self.error(line, f"{label} '{value}' is not a valid id (use lowercase words-with-hyphens)")
        elif kind in (str, Id) and isinstance(value, str):
            self.error(line, f"{label} must not be empty")
        elif kind in (str, Id) and isinstance(value, (bool, int, float, datetime.date)):
            self.error(
                line,
                f"{label} must be text, but YAML read it as {_kind(value)}; put the value in quotes",
            )
        else:
            self.error(line, f"{label} must be {_EXPECTED[kind]}, not {_kind(value)}")
        return False

    def fields(
        self, data: object, line: int, what: str, *, required: dict, optional: dict | None = None
    ) -> dict:
        """Read a mapping's fields: unknown, missing and mistyped ones become problems."""
        optional = optional or {}
        if not isinstance(data, LineDict):
            self.error(line, f"{what} must be a mapping of fields, not {_kind(data)}")
            return {}
        known = {**required, **optional}
        result = {}
        for key, value in data.items():
            key_line = data.line_of(key)
            if key not in known:
                expected = ", ".join(known)
                self.error(key_line, f"unknown field '{key}' in {what} (expected: {expected})")
            elif self.check(value, known[key], key_line, f"'{key}' in {what}"):
                result[key] = value.strip() if isinstance(value, str) else value
        for key in required:
            if key not in data:
                self.error(data.line, f"{what} is missing required field '{key}'")
        return result

    def items(self, data: dict, key: str, kind: type, what: str) -> list[tuple[object, int]]:
        """The items of a list field with their lines, each checked to be of `kind`."""
        seq = data.get(key)
        if not isinstance(seq, LineList):
            return []
        out = []
        for index, item in enumerate(seq):
            item_line = seq.line_of(index)
            if self.check(item, kind, item_line, f"item {index + 1} of '{key}' in {what}"):
                out.append((item.strip() if isinstance(item, str) else item, item_line))
        return out

    def unique(self, ids: list[tuple[str, int]], what: str) -> None:
        """Report every id that was already used earlier in the same list."""
        seen: dict[str, int] = {}
        for ident, line in ids:
            if ident in seen:
                self.error(line, f"duplicate {what} '{ident}' (first used on line {seen[ident]})")
            else:
                seen[ident] = line
