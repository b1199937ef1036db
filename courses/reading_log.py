"""A guest's reading log, kept in their browser, claimed when they sign up or log in."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .content.model import Course
from .models import SectionProgress

MAX_CHARS = 8_000
"""The hidden field's size limit: longer logs are refused whole."""
MAX_ENTRIES = 100
"""At most this many opens are read from one log (the module keeps fewer)."""
OLDEST = timedelta(days=365)
SKEW = timedelta(minutes=5)


@dataclass(frozen=True, kw_only=True)
class Open:
    """A section opened in the browser before the reader had an account."""

    chapter_id: str
    section_id: str
    version: str
    opened_at: datetime


def parse(raw: str, course: Course, now: datetime) -> list[Open]:
    """Pure: the log's valid opens (known sections, plausible times), first of each; else []."""
    if not raw or len(raw) > MAX_CHARS:
        return []
    try:
        entries = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(entries, list):
        return []
    found: dict[tuple[str, str], Open] = {}
    for entry in entries[:MAX_ENTRIES]:
        opened = _open(entry, course, now)
        if opened and (key := (opened.chapter_id, opened.section_id)) not in found:
            found[key] = opened
    return list(found.values())


def _open(entry: object, course: Course, now: datetime) -> Open | None:
    if not isinstance(entry, dict):
        return None
    chapter_id, section_id, stamp = entry.get("c"), entry.get("s"), entry.get("t")
    if not (isinstance(chapter_id, str) and isinstance(section_id, str)):
        return None
    if not isinstance(stamp, int) or isinstance(stamp, bool):
        return None
    chapter = next((c for c in course.chapters if c.id == chapter_id), None)
    section = chapter.section(section_id) if chapter else None
    try:
        when = datetime.fromtimestamp(stamp / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if section is None or not now - OLDEST <= when <= now + SKEW:
        return None
    return Open(
        chapter_id=chapter_id,
        section_id=section_id,
        version=section.version,
        opened_at=min(when, now),
    )


def claim(*, user: object, opens: list[Open]) -> int:
    """Store the opens on the account; sections it already has keep their own row (one query)."""
    rows = [
        SectionProgress(
            user=user,
            chapter_id=o.chapter_id,
            section_id=o.section_id,
            content_version=o.version,
            opened_at=o.opened_at,
        )
        for o in opens
    ]
    return len(SectionProgress.objects.bulk_create(rows, ignore_conflicts=True))
