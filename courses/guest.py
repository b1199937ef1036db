"""A guest's progress, kept in their session, and its merge into an account on sign-in."""

from datetime import datetime

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from .models import PracticeMark, PracticeValue, SectionProgress
from .records import PracticeRecord, ReadingRecord

READING = "sh_reading"
PRACTICE = "sh_practice"
RATING_ORDER = {PracticeValue.NEEDS_WORK: 0, PracticeValue.COULD_ANSWER: 1}


def reading(session: SessionBase) -> list[ReadingRecord]:
    """The guest's reading records."""
    return [
        ReadingRecord(
            chapter_id=key.split("/")[0],
            section_id=key.split("/")[1],
            version=row["v"],
            opened_at=datetime.fromisoformat(row["opened"]),
            completed_at=datetime.fromisoformat(row["completed"]) if row["completed"] else None,
        )
        for key, row in session.get(READING, {}).items()
    ]


def practice(session: SessionBase) -> list[PracticeRecord]:
    """The guest's practice marks."""
    out = []
    for key, row in session.get(PRACTICE, {}).items():
        guide_id, kind, item_id = key.split("/", 2)
        out.append(
            PracticeRecord(
                guide_id=guide_id,
                kind=kind,
                item_id=item_id,
                value=row["value"],
                version=row["v"],
                updated_at=datetime.fromisoformat(row["at"]),
            )
        )
    return out


def save_reading(session: SessionBase, record: ReadingRecord) -> None:
    """Store one reading record in the session."""
    rows = session.get(READING, {})
    rows[f"{record.chapter_id}/{record.section_id}"] = {
        "v": record.version,
        "opened": record.opened_at.isoformat(),
        "completed": record.completed_at.isoformat() if record.completed_at else None,
    }
    session[READING] = rows


def save_practice(session: SessionBase, record: PracticeRecord | None, key: str) -> None:
    """Store (or, with None, remove) one practice mark in the session."""
    rows = session.get(PRACTICE, {})
    if record is None:
        rows.pop(key, None)
    else:
        rows[key] = {
            "value": record.value,
            "v": record.version,
            "at": record.updated_at.isoformat(),
        }
    session[PRACTICE] = rows


def practice_key(guide_id: str, kind: str, item_id: str) -> str:
    """The session key of one practice item."""
    return f"{guide_id}/{kind}/{item_id}"


@transaction.atomic
def merge_into_account(*, session: SessionBase, user: object) -> None:
    """Move a guest's progress into an account, keeping the furthest state of each item."""
    for record in reading(session):
        row, created = SectionProgress.objects.get_or_create(
            user=user, chapter_id=record.chapter_id, section_id=record.section_id,
            defaults={"content_version": record.version, "opened_at": record.opened_at,
                      "completed_at": record.completed_at},
        )  # fmt: skip
        if not created:
            row.opened_at = min(row.opened_at, record.opened_at)
            row.completed_at = row.completed_at or record.completed_at
            row.save(update_fields=["opened_at", "completed_at"])
    for record in practice(session):
        mark, created = PracticeMark.objects.get_or_create(
            user=user, guide_id=record.guide_id, kind=record.kind, item_id=record.item_id,
            defaults={"value": record.value, "content_version": record.version,
                      "updated_at": record.updated_at},
        )  # fmt: skip
        if not created and RATING_ORDER.get(record.value, 1) > RATING_ORDER.get(mark.value, 1):
            mark.value, mark.updated_at = record.value, record.updated_at
            mark.save(update_fields=["value", "updated_at"])
    session.pop(READING, None)
    session.pop(PRACTICE, None)
