"""Instructor changes to a cohort: create, settings, codes and links, archive, co-instructors."""

import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import activity
from .codes import new_code, new_token
from .models import Cohort

CODE_TRIES = 20


@transaction.atomic
def create_cohort(
    *,
    instructor: User,
    name: str,
    chapter_ids: list[str],
    seat_limit: int | None = None,
    closes_on: datetime.date | None = None,
) -> Cohort:
    """A new cohort taught by `instructor`, with a fresh join code and invite link."""
    cohort = Cohort(
        name=name,
        chapter_ids=chapter_ids,
        seat_limit=seat_limit,
        closes_on=closes_on,
        invite_token=new_token(),
    )
    _save_with_fresh_code(cohort)
    cohort.instructors.add(instructor)
    return cohort


def _save_with_fresh_code(cohort: Cohort) -> None:
    """Pick random codes until one is free among open cohorts (the constraint decides)."""
    for _ in range(CODE_TRIES):
        cohort.join_code = new_code()
        try:
            with transaction.atomic():
                cohort.save()
            return
        except IntegrityError:
            continue
    raise RuntimeError("Could not find a free join code")


@transaction.atomic
def update_settings(
    *,
    cohort: Cohort,
    name: str,
    chapter_ids: list[str],
    seat_limit: int | None,
    closes_on: datetime.date | None,
    code_open: bool,
    link_open: bool,
) -> None:
    """Save the settings form."""
    cohort.name, cohort.chapter_ids = name, chapter_ids
    cohort.seat_limit, cohort.closes_on = seat_limit, closes_on
    cohort.code_open, cohort.link_open = code_open, link_open
    cohort.save()


@transaction.atomic
def regenerate_code(*, cohort: Cohort) -> None:
    """A new join code; the old one stops working."""
    _save_with_fresh_code(cohort)


@transaction.atomic
def regenerate_link(*, cohort: Cohort) -> None:
    """A new invite link; the old one stops working."""
    cohort.invite_token = new_token()
    cohort.save(update_fields=["invite_token"])


@transaction.atomic
def set_archived(*, cohort: Cohort, archived: bool) -> None:
    """Archive (read-only, hidden from the home list) or restore a cohort."""
    cohort.archived_at = timezone.now() if archived else None
    if not archived:
        _save_with_fresh_code(cohort)  # its old code may have been reused meanwhile
    else:
        cohort.save(update_fields=["archived_at"])


@transaction.atomic
def add_co_instructor(*, cohort: Cohort, user: User) -> None:
    """Another instructor teaches this cohort too (no longer counted as a learner)."""
    cohort.instructors.add(user)
    activity.touch(cohort_id=cohort.pk)
