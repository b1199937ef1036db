"""Learners joining and leaving cohorts, by code, invite link or a pre-assigned roster."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import activity
from .codes import normalise_code
from .models import Cohort, Membership, RosterEntry


@dataclass(frozen=True, kw_only=True)
class Invitation:
    """What a code or link leads to: a cohort, or why it cannot be joined."""

    cohort: Cohort | None
    """The cohort, when the code or link names one."""
    problem: str = ""
    """Why joining is refused; empty when it can go ahead."""


def by_code(code: str) -> Invitation:
    """The open cohort with this join code, with any reason it cannot be joined."""
    cohort = Cohort.objects.filter(join_code=normalise_code(code), archived_at=None).first()
    if cohort is None or not cohort.code_open:
        return Invitation(
            cohort=None, problem="No open cohort has that code. Check it with your instructor."
        )
    return Invitation(cohort=cohort, problem=_problem(cohort))


def by_link(token: str) -> Invitation:
    """The cohort behind an invite link, with any reason it cannot be joined."""
    cohort = Cohort.objects.filter(invite_token=token).first()
    if cohort is None or not cohort.link_open:
        return Invitation(
            cohort=None,
            problem="This invite link does not work (any more). Ask your instructor for a new one.",
        )
    return Invitation(cohort=cohort, problem=_problem(cohort))


def _problem(cohort: Cohort) -> str:
    if cohort.archived:
        return "This cohort has been archived; it takes no new members."
    if cohort.closes_on and timezone.localdate() > cohort.closes_on:
        return f"Joining closed on {cohort.closes_on:%d %b %Y}."
    if cohort.seat_limit is not None and seats_taken(cohort) >= cohort.seat_limit:
        return "This cohort is full: every seat is taken."
    return ""


def seats_taken(cohort: Cohort) -> int:
    """Active learner memberships (instructors are not learners)."""
    return active_learners(cohort).count()


def active_learners(cohort: Cohort):
    """The cohort's current members who are not its instructors."""
    return cohort.memberships.filter(left_at=None).exclude(user__in=cohort.instructors.all())


def membership_of(cohort: Cohort, user: User) -> Membership | None:
    """The user's active membership of the cohort, if any."""
    return cohort.memberships.filter(user=user, left_at=None).first()


def refusal_for(cohort: Cohort, user: User) -> str:
    """Why this user in particular cannot join (they teach it), else empty."""
    if cohort.instructors.filter(pk=user.pk).exists():
        return "You teach this cohort, so you cannot join it as a learner."
    return ""


class JoinRefusedError(Exception):
    """The cohort filled up, closed or was archived between the page and the click."""


@transaction.atomic
def join(
    *, cohort: Cohort, user: User, share_before_joining: bool, check: bool = True
) -> Membership:
    """Make `user` a member; joining twice keeps the one membership (the constraint decides).

    With `check`, the cohort row is locked so concurrent joins cannot overfill the seats.
    """
    existing = membership_of(cohort, user)
    if existing:
        return existing
    if check:
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if problem := _problem(locked):
            raise JoinRefusedError(problem)
    try:
        with transaction.atomic():
            made = Membership.objects.create(
                cohort=cohort,
                user=user,
                joined_at=timezone.now(),
                share_before_joining=share_before_joining,
            )
            activity.touch(cohort_id=cohort.pk)
            return made
    except IntegrityError:
        return Membership.objects.get(cohort=cohort, user=user, left_at=None)


@transaction.atomic
def leave(*, membership: Membership) -> None:
    """End a membership: the cohort's instructors stop seeing this learner from now on."""
    Membership.objects.filter(pk=membership.pk, left_at=None).update(left_at=timezone.now())
    activity.touch(cohort_id=membership.cohort_id)


@transaction.atomic
def join_preassigned(*, user: User) -> int:
    """A new account joins every cohort its email was pre-assigned to; returns how many."""
    email = user.email.strip().lower()
    if not email:
        return 0
    entries = list(RosterEntry.objects.filter(email=email, cohort__archived_at=None))
    for entry in entries:
        join(cohort=entry.cohort, user=user, share_before_joining=False, check=False)
    RosterEntry.objects.filter(pk__in=[e.pk for e in entries]).delete()
    return len(entries)
