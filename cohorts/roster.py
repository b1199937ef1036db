"""Importing a roster: who joins, who is pre-assigned, who is already in; all or nothing."""

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from .joining import seats_taken
from .models import Cohort, Membership, RosterEntry
from .roster_csv import ParsedRoster, RosterRow


@dataclass(kw_only=True)
class RosterPlan:
    """What importing the file does (a dry run) or did."""

    added: list[RosterRow] = field(default_factory=list)
    """Rows whose account joins now."""
    preassigned: list[RosterRow] = field(default_factory=list)
    """Rows without an account yet: they join when they sign up with that email."""
    already: list[RosterRow] = field(default_factory=list)
    """Rows already members or already pre-assigned."""
    invalid: list[tuple[int, str]] = field(default_factory=list)
    """(line, why) for unusable rows."""
    users: dict[str, int] = field(default_factory=dict)
    """Account id for each email that has exactly one account."""


def plan(*, cohort: Cohort, parsed: ParsedRoster) -> RosterPlan:
    """Sort the rows into added, pre-assigned, already there and invalid, in a few queries."""
    result = RosterPlan(invalid=list(parsed.invalid))
    emails = [r.email for r in parsed.rows]
    accounts: dict[str, list[int]] = {}
    found = User.objects.annotate(e=Lower("email")).filter(e__in=emails).values_list("e", "id")
    for email, uid in found:
        accounts.setdefault(email, []).append(uid)
    members = set(cohort.memberships.filter(left_at=None).values_list("user_id", flat=True))
    teachers = set(cohort.instructors.values_list("id", flat=True))
    pending = set(cohort.roster.filter(email__in=emails).values_list("email", flat=True))
    for row in parsed.rows:
        ids = accounts.get(row.email, [])
        if len(ids) > 1:
            result.invalid.append((row.line, "Several accounts use this email; add them by code."))
        elif ids and ids[0] in teachers:
            result.invalid.append((row.line, "Teaches this cohort, so cannot be a learner in it."))
        elif (ids and ids[0] in members) or (not ids and row.email in pending):
            result.already.append(row)
        elif ids:
            result.users[row.email] = ids[0]
            result.added.append(row)
        else:
            result.preassigned.append(row)
    result.invalid.sort()
    return result


def over_seat_limit(*, cohort: Cohort, roster_plan: RosterPlan) -> str:
    """Why the rows that join now would not fit the seat limit, else empty."""
    if cohort.seat_limit is None:
        return ""
    total = seats_taken(cohort) + len(roster_plan.added)
    if total <= cohort.seat_limit:
        return ""
    return (
        f"Importing would put {total} learners in a cohort of {cohort.seat_limit} seats; "
        "raise the seat limit first."
    )


@transaction.atomic
def apply(*, cohort: Cohort, roster_plan: RosterPlan) -> None:
    """Carry out a plan in one transaction: memberships and pre-assignments, or nothing."""
    now = timezone.now()
    Membership.objects.bulk_create(
        [
            Membership(cohort=cohort, user_id=roster_plan.users[r.email], joined_at=now)
            for r in roster_plan.added
        ],
        ignore_conflicts=True,
    )
    RosterEntry.objects.bulk_create(
        [RosterEntry(cohort=cohort, email=r.email, name=r.name) for r in roster_plan.preassigned],
        ignore_conflicts=True,
    )
