"""Reading progress as the pages show it: per-section state, percentages, where to continue."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.http import HttpRequest

from .content.model import Chapter, Section
from .models import SectionProgress
from .owners import owned, owner
from .records import ReadingRecord


class Status(models.TextChoices):
    """Where a learner stands on one section."""

    NOT_STARTED = "not_started", "Not started"
    OPENED = "opened", "Opened"
    COMPLETED = "completed", "Completed"


@dataclass(frozen=True, kw_only=True)
class SectionState:
    """One section with the learner's state on it."""

    section: Section
    status: Status
    opened_at: datetime | None
    completed_at: datetime | None

    @property
    def icon(self) -> str:
        """A glyph for the state, so it never rests on colour alone."""
        return {Status.COMPLETED: "✓", Status.OPENED: "◐"}.get(self.status, "○")


@dataclass(frozen=True, kw_only=True)
class ChapterProgress:
    """A chapter's sections with states, the completion figures and where to continue."""

    chapter: Chapter
    states: tuple[SectionState, ...]
    completed: int
    percent: int
    continue_to: Section | None
    retired: tuple[ReadingRecord, ...]
    started_at: datetime | None

    def state(self, section_id: str) -> SectionState:
        """The state of one section."""
        return next(s for s in self.states if s.section.id == section_id)


def reading_records(request: HttpRequest, chapter_id: str | None = None) -> list[ReadingRecord]:
    """The learner's (or the tracked guest's) reading records, optionally for one chapter."""
    who = owner(request)
    if who is None:  # a plain reader: no key, no query
        return []
    only = {} if chapter_id is None else {"chapter_id": chapter_id}
    rows = owned(SectionProgress, who, **only)
    return [
        ReadingRecord(
            chapter_id=r.chapter_id,
            section_id=r.section_id,
            version=r.content_version,
            opened_at=r.opened_at,
            completed_at=r.completed_at,
        )
        for r in rows
    ]


def summarize(chapter: Chapter, records: list[ReadingRecord]) -> ChapterProgress:
    """Pure: states, completion and the section to continue with."""
    mine = {r.section_id: r for r in records if r.chapter_id == chapter.id}
    states = tuple(_state(section, mine.get(section.id)) for section in chapter.sections)
    completed = sum(s.status == Status.COMPLETED for s in states)
    current = {s.id for s in chapter.sections}
    opened = [r.opened_at for r in mine.values()]
    return ChapterProgress(
        chapter=chapter,
        states=states,
        completed=completed,
        percent=round(100 * completed / len(states)) if states else 0,
        continue_to=_continue_to(states),
        retired=tuple(r for sid, r in mine.items() if sid not in current),
        started_at=min(opened) if opened else None,
    )


def _state(section: Section, record: ReadingRecord | None) -> SectionState:
    if record is None:
        status = Status.NOT_STARTED
    else:
        status = Status.COMPLETED if record.completed_at else Status.OPENED
    return SectionState(
        section=section,
        status=status,
        opened_at=record.opened_at if record else None,
        completed_at=record.completed_at if record else None,
    )


def _continue_to(states: tuple[SectionState, ...]) -> Section | None:
    """First section not completed, starting from the most recently opened one (wrapping)."""
    opened = [i for i, s in enumerate(states) if s.opened_at]
    start = max(opened, key=lambda i: states[i].opened_at) if opened else 0
    order = states[start:] + states[:start]
    return next((s.section for s in order if s.status != Status.COMPLETED), None)
