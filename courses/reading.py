"""Recording reading progress: a section opened, a section marked complete."""

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from reports import hooks

from .content.model import Chapter, Section
from .models import SectionProgress
from .owners import Owner, owner
from .records import ReadingRecord

_TABLE = SectionProgress._meta.db_table
# One statement, no transaction: keeps the page and the mark within their query budgets and is
# safe under concurrent double submits (the unique constraint decides; nothing raises). A
# completion that meets a row opened a moment before fills in its completion time.
_INSERT = (
    f'INSERT INTO "{_TABLE}" (user_id, guest_key, chapter_id, section_id, content_version, '  # noqa: S608
    "opened_at, completed_at) VALUES (%s, %s, %s, %s, %s, %s, %s) "
)
_ON_OPEN = "DO NOTHING"
_ON_COMPLETE = (
    f'DO UPDATE SET completed_at = COALESCE("{_TABLE}".completed_at, excluded.completed_at)'
)


def _insert(who: Owner, chapter: Chapter, section: Section, *, completed: bool) -> None:
    now = timezone.now()
    params = [
        who.user_id,
        who.guest_key,
        chapter.id,
        section.id,
        section.version,
        now,
        now if completed else None,
    ]
    sql = _INSERT + who.conflict("chapter_id", "section_id")
    with connection.cursor() as cursor:
        cursor.execute(sql + (_ON_COMPLETE if completed else _ON_OPEN), params)


def record_open(
    *, request: HttpRequest, chapter: Chapter, section: Section, known: bool
) -> ReadingRecord | None:
    """Note the first time a section is opened (`known`: a record exists); return a new record.

    Guests are tracked once they have a key (after their first mark), so a plain reader
    costs no database query and gets no cookie.
    """
    who = None if known else owner(request)
    if who is None:
        return None
    with hooks.atomic():
        _insert(who, chapter, section, completed=False)
        hooks.section(who.user_id, chapter, section, completed=False)
    return ReadingRecord(
        chapter_id=chapter.id,
        section_id=section.id,
        version=section.version,
        opened_at=timezone.now(),
        completed_at=None,
    )


def mark_complete(*, request: HttpRequest, chapter: Chapter, section: Section) -> None:
    """Mark a section complete; marking it again changes nothing."""
    who = owner(request, create=True)
    with hooks.atomic():
        updated = SectionProgress.objects.filter(
            **who.rows, chapter_id=chapter.id, section_id=section.id, completed_at__isnull=True
        ).update(completed_at=timezone.now(), content_version=section.version)
        if not updated:
            _insert(who, chapter, section, completed=True)
        hooks.section(who.user_id, chapter, section, completed=True)


def undo_complete(*, request: HttpRequest, chapter: Chapter, section: Section) -> bool:
    """Clear a section's completion in one UPDATE (race-safe); the opened time stays."""
    who = owner(request)
    if who is None:  # a reader with no key has nothing to undo
        return False
    rows = SectionProgress.objects.filter(
        **who.rows, chapter_id=chapter.id, section_id=section.id, completed_at__isnull=False
    )
    undone = bool(rows.update(completed_at=None))
    if undone:
        hooks.cohorts_see(who.user_id)
    return undone
