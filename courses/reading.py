"""Recording reading progress: a section opened, a section marked complete."""

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from reports import hooks

from . import guest
from .content.model import Chapter, Section
from .models import SectionProgress
from .records import ReadingRecord

_TABLE = SectionProgress._meta.db_table
# One statement, no transaction: keeps the page and the mark within their query budgets and is
# safe under concurrent double submits (the unique constraint decides; nothing raises). A
# completion that meets a row opened a moment before fills in its completion time.
_UPSERT = (
    f'INSERT INTO "{_TABLE}" (user_id, chapter_id, section_id, content_version, opened_at, '  # noqa: S608
    "completed_at) VALUES (%s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (user_id, chapter_id, section_id) "
)
_ON_OPEN = "DO NOTHING"
_ON_COMPLETE = (
    f'DO UPDATE SET completed_at = COALESCE("{_TABLE}".completed_at, excluded.completed_at)'
)


def _insert(user_id: int, chapter: Chapter, section: Section, *, completed: bool) -> None:
    now = timezone.now()
    params = [user_id, chapter.id, section.id, section.version, now, now if completed else None]
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT + (_ON_COMPLETE if completed else _ON_OPEN), params)


def record_open(
    *, request: HttpRequest, chapter: Chapter, section: Section, known: bool
) -> ReadingRecord | None:
    """Note the first time a section is opened (`known`: a record exists); return a new record.

    Guests are tracked once they have a session (after their first mark), so a plain reader
    costs no database query and gets no cookie.
    """
    if known or not (request.user.is_authenticated or request.session.session_key):
        return None
    record = ReadingRecord(
        chapter_id=chapter.id, section_id=section.id, version=section.version,
        opened_at=timezone.now(), completed_at=None,
    )  # fmt: skip
    if request.user.is_authenticated:
        with hooks.atomic():
            _insert(request.user.pk, chapter, section, completed=False)
            hooks.section(request.user.pk, chapter, section, completed=False)
    else:
        guest.save_reading(request.session, record)
    return record


def mark_complete(*, request: HttpRequest, chapter: Chapter, section: Section) -> None:
    """Mark a section complete; marking it again changes nothing."""
    if request.user.is_authenticated:
        with hooks.atomic():
            updated = SectionProgress.objects.filter(
                user=request.user, chapter_id=chapter.id, section_id=section.id,
                completed_at__isnull=True,
            ).update(completed_at=timezone.now(), content_version=section.version)  # fmt: skip
            if not updated:
                _insert(request.user.pk, chapter, section, completed=True)
            hooks.section(request.user.pk, chapter, section, completed=True)
        return
    existing = {(r.chapter_id, r.section_id): r for r in guest.reading(request.session)}
    record = existing.get((chapter.id, section.id))
    if record and record.completed_at:
        return
    now = timezone.now()
    guest.save_reading(
        request.session,
        ReadingRecord(chapter_id=chapter.id, section_id=section.id, version=section.version,
                      opened_at=record.opened_at if record else now, completed_at=now),
    )  # fmt: skip
