"""The cohort activity stamp: bumped by every write that changes what a cohort's overview shows.

The overview's ETag and its cached report are keyed by it, so a poll with nothing new is a 304
after one small query, and anything new (a submission, reading, practice, joining or leaving)
is seen at once rather than after a timeout.
"""

from django.db.models import F

from .models import Cohort


def touch(*, cohort_id: int) -> None:
    """One cohort's learners changed (someone joined or left, an instructor was added)."""
    Cohort.objects.filter(pk=cohort_id).update(activity=F("activity") + 1)


def touch_learner(*, user_id: object) -> None:
    """A learner's activity changed: every cohort they are in sees it (one UPDATE).

    `user_id` is an id or a one-value subquery (the owner of an attempt).
    """
    members = Cohort.objects.filter(memberships__user_id=user_id, memberships__left_at=None)
    Cohort.objects.filter(pk__in=members.values("pk")).update(activity=F("activity") + 1)


def touch_all() -> None:
    """Stored scores changed for anyone (rescoring): every cohort recomputes."""
    Cohort.objects.update(activity=F("activity") + 1)
