"""A guest's progress (rows under their key) joining an account on sign-up or log-in."""

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from .models import PracticeMark, PracticeValue, SectionProgress
from .owners import guest_key

RATING_ORDER = {PracticeValue.NEEDS_WORK: 0, PracticeValue.COULD_ANSWER: 1}
LEGACY_SESSION_KEYS = ("sh_reading", "sh_practice")
"""Where guest progress lived before it had rows; short-lived, so dropped, not carried over."""


@transaction.atomic
def merge_into_account(*, session: SessionBase, user: object) -> None:
    """Move a guest's progress into an account, keeping the furthest state of each item."""
    for name in LEGACY_SESSION_KEYS:
        session.pop(name, None)
    key = guest_key(session)
    if key is None:
        return
    guest_rows = {"user__isnull": True, "guest_key": key}
    for row in SectionProgress.objects.filter(**guest_rows):
        mine, created = SectionProgress.objects.get_or_create(
            user=user,
            chapter_id=row.chapter_id,
            section_id=row.section_id,
            defaults={
                "content_version": row.content_version,
                "opened_at": row.opened_at,
                "completed_at": row.completed_at,
            },
        )
        if not created:
            mine.opened_at = min(mine.opened_at, row.opened_at)
            mine.completed_at = mine.completed_at or row.completed_at
            mine.save(update_fields=["opened_at", "completed_at"])
    for row in PracticeMark.objects.filter(**guest_rows):
        mark, created = PracticeMark.objects.get_or_create(
            user=user,
            guide_id=row.guide_id,
            kind=row.kind,
            item_id=row.item_id,
            defaults={
                "value": row.value,
                "content_version": row.content_version,
                "updated_at": row.updated_at,
            },
        )
        if not created and RATING_ORDER.get(row.value, 1) > RATING_ORDER.get(mark.value, 1):
            mark.value, mark.updated_at = row.value, row.updated_at
            mark.save(update_fields=["value", "updated_at"])
    SectionProgress.objects.filter(**guest_rows).delete()
    PracticeMark.objects.filter(**guest_rows).delete()
