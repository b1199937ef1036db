"""Plain records of progress, the same whether stored in the database or a guest's session."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, kw_only=True)
class ReadingRecord:
    """A learner's stored progress on one section."""

    chapter_id: str
    """Chapter the section belongs to."""
    section_id: str
    """Stable section id."""
    version: str
    """Section content version last seen."""
    opened_at: datetime
    """When the section was first opened."""
    completed_at: datetime | None
    """When the learner marked it complete, if they have."""


@dataclass(frozen=True, kw_only=True)
class PracticeRecord:
    """A stored practice mark: a ticked project step or an interview self-rating."""

    guide_id: str
    """Skill guide id."""
    kind: str
    """`step` or `interview`."""
    item_id: str
    """`<project-id>.<step number>` or an interview question id."""
    value: str
    """`done`, `could_answer` or `needs_work`."""
    version: str
    """Guide content version when marked."""
    updated_at: datetime
    """When it was last set."""
