"""Reading files: paths for messages, front matter, and short content hashes."""

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yamlio import parse_yaml

FENCE_RE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True, kw_only=True)
class SourceFile:
    """A content file read from disk."""

    path: Path
    shown: str
    """The path as printed in problems."""
    text: str
    version: str
    """Short hash of the file's bytes."""


def read_source(path: Path, root: Path, problems: list[Problem]) -> SourceFile | None:
    """Read a UTF-8 text file, or record why it cannot be read."""
    shown = os.path.relpath(path, root.parent)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path=shown, line=1, message=f"cannot read file: {exc}"))
        return None
    version = hashlib.sha256(raw).hexdigest()[:12]
    return SourceFile(path=path, shown=shown, text=text, version=version)


def read_yaml(path: Path, root: Path, problems: list[Problem]) -> tuple[object, SourceFile | None]:
    """Read and parse a YAML file; problems are recorded with their lines."""
    source = read_source(path, root, problems)
    if source is None:
        return None, None
    data, found = parse_yaml(source.text, path=source.shown)
    problems.extend(found)
    return data, source


def split_front_matter(source: SourceFile, problems: list[Problem]) -> tuple[object, str, int]:
    """Split a Markdown file into (front matter data, body, line where the body starts)."""
    lines = source.text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.append(
            Problem(
                path=source.shown,
                line=1,
                message="missing front matter: the file must start with a line '---'",
            )
        )
        return None, source.text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.append(
            Problem(
                path=source.shown,
                line=1,
                message="front matter is not closed: add a line '---' after it",
            )
        )
        return None, "", 1
    data, found = parse_yaml("".join(lines[1:end]), path=source.shown, line_offset=1)
    problems.extend(found)
    return data, "".join(lines[end + 1 :]), end + 2


def prose_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """Body lines with their file line numbers, leaving out fenced code blocks."""
    out, fenced = [], False
    for offset, line in enumerate(body.splitlines()):
        if FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced:
            out.append((first_line + offset, line))
    return out


def short_hash(*parts: str) -> str:
    """A short stable hash of some text."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]
