"""Cohort models and services: codes, constraints, joining, leaving, roles."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts import codes, joining, services
from cohorts.models import Membership, RosterEntry
from cohorts.roles import is_instructor

from .conftest import CH, make_user

pytestmark = pytest.mark.django_db


def test_codes_avoid_look_alike_characters():
    drawn = "".join(codes.new_code() for _ in range(500))
    assert len(codes.new_code()) == 6
    assert not set(drawn) & set("01OIL")
    assert set(drawn) <= set(codes.ALPHABET)


def test_typed_codes_are_normalised():
    assert codes.normalise_code(" abc-dEf ") == "ABCDEF"


def test_invite_tokens_are_long_and_distinct():
    tokens = {codes.new_token() for _ in range(50)}
    assert len(tokens) == 50 and min(len(t) for t in tokens) >= 32


def test_a_join_code_is_unique_among_open_cohorts_only(cohort, other_cohort):
    other_cohort.join_code = cohort.join_code
    with pytest.raises(IntegrityError), transaction.atomic():
        other_cohort.save()
    services.set_archived(cohort=cohort, archived=True)
    other_cohort.save()  # an archived cohort's code may be reused


def test_restoring_an_archived_cohort_gives_it_a_free_code(cohort, other_cohort):
    services.set_archived(cohort=cohort, archived=True)
    old = cohort.join_code
    other_cohort.join_code = old
    other_cohort.save()
    services.set_archived(cohort=cohort, archived=False)
    cohort.refresh_from_db()
    assert cohort.archived_at is None and cohort.join_code != old


def test_one_active_membership_per_cohort_and_user_is_a_database_rule(cohort):
    lee = make_user("lee")
    Membership.objects.create(cohort=cohort, user=lee, joined_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(cohort=cohort, user=lee, joined_at=timezone.now())


def test_joining_twice_keeps_one_membership(cohort):
    lee = make_user("lee")
    first = joining.join(cohort=cohort, user=lee, share_before_joining=False)
    again = joining.join(cohort=cohort, user=lee, share_before_joining=True)
    assert first.pk == again.pk
    assert Membership.objects.filter(cohort=cohort, user=lee).count() == 1


def test_leaving_then_rejoining_makes_a_new_membership(cohort):
    lee = make_user("lee")
    joining.leave(membership=joining.join(cohort=cohort, user=lee, share_before_joining=False))
    joining.join(cohort=cohort, user=lee, share_before_joining=False)
    assert Membership.objects.filter(cohort=cohort, user=lee).count() == 2
    assert Membership.objects.filter(cohort=cohort, user=lee, left_at=None).count() == 1


def test_a_learner_may_be_in_several_cohorts(cohort, other_cohort):
    lee = make_user("lee")
    joining.join(cohort=cohort, user=lee, share_before_joining=False)
    joining.join(cohort=other_cohort, user=lee, share_before_joining=False)
    assert lee.cohort_memberships.filter(left_at=None).count() == 2


def test_instructors_are_not_counted_as_learners(cohort, other_teacher):
    lee = make_user("lee")
    joining.join(cohort=cohort, user=lee, share_before_joining=False)
    joining.join(cohort=cohort, user=other_teacher, share_before_joining=False)
    services.add_co_instructor(cohort=cohort, user=other_teacher)
    assert joining.seats_taken(cohort) == 1


def test_an_instructor_cannot_join_their_own_cohort(cohort, teacher):
    assert "You teach this cohort" in joining.refusal_for(cohort, teacher)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code_open": False}, "No open cohort has that code"),
        ({"closes_on": datetime.date(2020, 1, 1)}, "Joining closed on 01 Jan 2020"),
        ({"seat_limit": 1}, "This cohort is full"),
    ],
)
def test_closed_expired_or_full_codes_are_refused_with_a_reason(cohort, change, message):
    joining.join(cohort=cohort, user=make_user("first"), share_before_joining=False)
    for field, value in change.items():
        setattr(cohort, field, value)
    cohort.save()
    assert message in joining.by_code(cohort.join_code).problem


def test_an_archived_cohort_code_and_link_no_longer_join(cohort):
    services.set_archived(cohort=cohort, archived=True)
    assert joining.by_code(cohort.join_code).cohort is None
    assert "archived" in joining.by_link(cohort.invite_token).problem


def test_a_regenerated_link_replaces_the_old_one(cohort):
    old = cohort.invite_token
    services.regenerate_link(cohort=cohort)
    assert joining.by_link(old).cohort is None
    assert joining.by_link(cohort.invite_token).cohort == cohort


def test_sign_up_with_a_pre_assigned_email_joins(client, cohort):
    RosterEntry.objects.create(cohort=cohort, email="ada@example.org", name="Ada")
    password = "a-long-pass-phrase-7"
    response = client.post(
        "/accounts/signup/",
        {
            "username": "ada",
            "email": "Ada@Example.org",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(cohort=cohort, user__username="ada", left_at=None).exists()
    assert not RosterEntry.objects.exists()
    assert "you joined 1 cohort" in client.get("/progress/").content.decode()


def test_grant_instructor_command_grants_and_revokes(capsys):
    ann = make_user("ann")
    call_command("grant_instructor", "ann")
    assert is_instructor(ann)
    call_command("grant_instructor", "ann", "--revoke")
    assert not is_instructor(ann)
    assert "no longer has the instructor role" in capsys.readouterr().out


def test_grant_instructor_names_an_unknown_username():
    with pytest.raises(CommandError, match="No account with username 'nobody'"):
        call_command("grant_instructor", "nobody")


def test_created_cohort_follows_chapters_and_is_taught_by_its_creator(cohort, teacher):
    assert cohort.chapter_ids == [CH]
    assert list(cohort.instructors.all()) == [teacher]


def test_the_last_seat_cannot_be_taken_twice(cohort):
    cohort.seat_limit = 1
    cohort.save()
    joining.join(cohort=cohort, user=make_user("first"), share_before_joining=False)
    with pytest.raises(joining.JoinRefusedError, match="This cohort is full"):
        joining.join(cohort=cohort, user=make_user("second"), share_before_joining=False)
    assert joining.seats_taken(cohort) == 1
