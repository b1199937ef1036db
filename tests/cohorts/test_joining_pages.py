"""Join by code or link, the disclosure, bad codes, leaving, and Your progress."""

import pytest

from cohorts import joining, services
from cohorts.models import Membership

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def lee(client):
    user = make_user("lee")
    client.force_login(user)
    return user


def test_the_join_page_names_the_cohort_its_instructors_and_what_they_see(client, lee, cohort):
    page = client.get(f"/join/?code={cohort.join_code.lower()}").content.decode()
    assert "Join “Spring 2026”" in page
    assert "Taught by tess" in page
    for shared in ("Reading progress", "Assessment answers and scores", "Practice marks"):
        assert shared in page
    assert 'value="no" required id="id_share_0" checked' in page  # "No" pre-selected


def test_joining_by_code_makes_a_membership_and_says_so(client, lee, cohort):
    response = client.post("/join/confirm/", {"code": cohort.join_code, "share": "yes"})
    assert response["Location"] == "/progress/"
    membership = Membership.objects.get(cohort=cohort, user=lee)
    assert membership.share_before_joining is True
    page = client.get("/progress/").content.decode()
    assert "You are in “Spring 2026”" in page
    assert "Cohorts that see your progress" in page and "Leave Spring 2026" in page


def test_joining_by_invite_link(client, lee, cohort):
    page = client.get(f"/join/link/{cohort.invite_token}/").content.decode()
    assert "Join “Spring 2026”" in page
    client.post("/join/confirm/", {"token": cohort.invite_token, "share": "no"})
    assert Membership.objects.get(cohort=cohort, user=lee).share_before_joining is False


def test_submitting_the_join_form_twice_keeps_one_membership(client, lee, cohort):
    for _ in range(2):
        client.post("/join/confirm/", {"code": cohort.join_code, "share": "no"})
    assert Membership.objects.filter(cohort=cohort, user=lee).count() == 1
    page = client.get(f"/join/?code={cohort.join_code}").content.decode()
    assert "You are already a member of this cohort" in page


@pytest.mark.parametrize(
    ("code", "message"),
    [("ZZZZZZ", "No open cohort has that code"), ("AB", "A join code has 6 letters and digits")],
)
def test_a_wrong_code_is_a_clear_message_and_no_membership(client, lee, cohort, code, message):
    response = client.get(f"/join/?code={code}")
    assert response.status_code == 422
    assert message in response.content.decode()
    client.post("/join/confirm/", {"code": code, "share": "no"})
    assert not Membership.objects.exists()


def test_a_full_cohort_refuses_with_a_clear_message(client, lee, cohort):
    joining.join(cohort=cohort, user=make_user("first"), share_before_joining=False)
    cohort.seat_limit = 1
    cohort.save()
    response = client.post("/join/confirm/", {"code": cohort.join_code, "share": "no"})
    assert response.status_code == 422
    assert "This cohort is full" in response.content.decode()
    assert not Membership.objects.filter(user=lee).exists()


def test_a_dead_invite_link_is_a_clear_message(client, lee, cohort):
    response = client.get("/join/link/not-a-real-token/")
    assert response.status_code == 422
    assert "This invite link does not work" in response.content.decode()


def test_the_share_choice_is_required_and_validated(client, lee, cohort):
    response = client.post("/join/confirm/", {"code": cohort.join_code, "share": "maybe"})
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not Membership.objects.exists()


def test_an_instructor_cannot_join_their_own_cohort_page(client, teacher, cohort):
    client.force_login(teacher)
    response = client.post("/join/confirm/", {"code": cohort.join_code, "share": "no"})
    assert "You teach this cohort" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_guest_is_asked_to_log_in_or_sign_up_and_comes_back(client, cohort):
    page = client.get(f"/join/?code={cohort.join_code}").content.decode()
    assert f"/accounts/signup/?next=/join/%3Fcode%3D{cohort.join_code}" in page
    assert (
        client.post("/join/confirm/", {"code": cohort.join_code, "share": "no"}).status_code == 302
    )
    assert not Membership.objects.exists()


def test_signing_up_from_the_join_page_returns_to_it(client, cohort):
    target = f"/join/?code={cohort.join_code}"
    pw = "a-long-pass-phrase-8"
    response = client.post(
        "/accounts/signup/", {"username": "neu", "password1": pw, "password2": pw, "next": target}
    )
    assert response["Location"] == target


def test_leaving_asks_first_then_ends_the_membership(client, lee, cohort):
    joining.join(cohort=cohort, user=lee, share_before_joining=False)
    assert "Leave “Spring 2026”?" in client.get(f"/join/leave/{cohort.pk}/").content.decode()
    response = client.post(f"/join/leave/{cohort.pk}/")
    assert response["Location"] == "/progress/"
    assert Membership.objects.get(user=lee).left_at is not None
    assert client.post(f"/join/leave/{cohort.pk}/").status_code == 302  # double submit is safe
    assert client.get(f"/join/leave/{cohort.pk}/").status_code == 404
    assert "Cohorts that see your progress" not in client.get("/progress/").content.decode()


def test_leaving_a_cohort_one_is_not_in_is_404(client, lee, other_cohort):
    assert client.get(f"/join/leave/{other_cohort.pk}/").status_code == 404
    assert client.get("/join/leave/999999/").status_code == 404


def test_an_archived_cohort_cannot_be_joined(client, lee, cohort):
    services.set_archived(cohort=cohort, archived=True)
    response = client.post("/join/confirm/", {"token": cohort.invite_token, "share": "no"})
    assert "archived" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_member_of_a_full_cohort_is_told_they_are_in_it(client, lee, cohort):
    joining.join(cohort=cohort, user=lee, share_before_joining=False)
    cohort.seat_limit = 1
    cohort.save()
    page = client.get(f"/join/?code={cohort.join_code}").content.decode()
    assert "You are already a member" in page and "This cohort is full" not in page
