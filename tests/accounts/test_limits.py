"""Abuse limits: per address and per mailbox, and never a lock-out for someone elsewhere."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-phrase-9"
ATTACKER, VICTIM = "203.0.113.66", "198.51.100.7"


@pytest.fixture
def low_limits(settings):
    """Small limits so the tests stay quick; the windows are the production ones."""
    settings.STUDYHALL_LIMITS = {
        "login_failures_per_address": (5, 900),
        "signups_per_address": (2, 3600),
        "resets_per_address": (4, 3600),
        "resets_per_email": (3, 3600),
    }


def log_in(client, username: str, password: str, address: str):
    data = {"username": username, "password": password}
    return client.post("/accounts/login/", data, REMOTE_ADDR=address)


def test_failed_logins_over_many_usernames_block_that_address_only(client, low_limits):
    User.objects.create_user("val", password=PASSWORD)
    for n in range(5):
        assert log_in(client, f"user{n}", "guess", ATTACKER).status_code == 200
    blocked = log_in(client, "user9", "guess", ATTACKER)
    assert blocked.status_code == 429
    page = blocked.content.decode()
    assert "Too many failed log-in attempts" in page
    assert "Try again in 15 minutes" in page
    assert int(blocked["Retry-After"]) <= 900
    assert log_in(client, "val", PASSWORD, ATTACKER).status_code == 429  # every username
    assert log_in(client, "val", PASSWORD, VICTIM).status_code == 302  # the real user elsewhere


def test_the_default_per_address_limit_stops_guessing_across_usernames(client):
    for n in range(30):
        assert log_in(client, f"user{n % 8}", "guess", ATTACKER).status_code in {200, 429}
    assert log_in(client, "user0", "guess", ATTACKER).status_code == 429


def test_a_locked_username_still_logs_in_from_its_owners_address(client):
    User.objects.create_user("lou", password=PASSWORD)
    for _ in range(10):
        log_in(client, "lou", "wrong", ATTACKER)
    assert log_in(client, "lou", PASSWORD, ATTACKER).status_code == 429
    response = log_in(client, "lou", PASSWORD, VICTIM)
    assert response.status_code == 302
    assert response["Location"] == "/progress/"


def sign_up(client, username: str, address: str):
    data = {"username": username, "password1": PASSWORD, "password2": PASSWORD}
    return client.post("/accounts/signup/", data, REMOTE_ADDR=address)


def test_sign_ups_are_limited_per_address(client, low_limits):
    assert sign_up(client, "a1", ATTACKER).status_code == 302
    client.logout()
    assert sign_up(client, "a2", ATTACKER).status_code == 302
    client.logout()
    refused = sign_up(client, "a3", ATTACKER)
    assert refused.status_code == 429
    assert "Too many accounts have been created from your network address" in (
        refused.content.decode()
    )
    assert "Try again in" in refused.content.decode()
    assert not User.objects.filter(username="a3").exists()
    assert sign_up(client, "v1", VICTIM).status_code == 302


def test_failed_sign_ups_do_not_use_up_the_limit(client, low_limits):
    for _ in range(4):
        data = {"username": "zoe", "password1": "123", "password2": "123"}
        assert client.post("/accounts/signup/", data, REMOTE_ADDR=VICTIM).status_code == 200
    assert sign_up(client, "zoe", VICTIM).status_code == 302


def reset(client, email: str, address: str = VICTIM):
    return client.post("/accounts/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_one_mailbox_gets_at_most_three_reset_emails_an_hour(client):
    User.objects.create_user("ray", email="ray@example.org", password=PASSWORD)
    answers = [reset(client, "ray@example.org", f"192.0.2.{n}") for n in range(6)]
    assert [a.status_code for a in answers] == [302] * 6
    assert {a["Location"] for a in answers} == {"/accounts/password_reset/done/"}
    assert len(mail.outbox) == 3
    assert reset(client, "RAY@example.org ", "192.0.2.9")["Location"].endswith("/done/")
    assert len(mail.outbox) == 3


def test_the_reset_answer_does_not_reveal_whether_an_address_has_an_account(client):
    User.objects.create_user("ray", email="ray@example.org", password=PASSWORD)
    known, unknown = reset(client, "ray@example.org"), reset(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_reset_requests_are_limited_per_address(client, low_limits):
    for n in range(4):
        assert reset(client, f"x{n}@example.org", ATTACKER).status_code == 302
    refused = reset(client, "x9@example.org", ATTACKER)
    assert refused.status_code == 429
    assert "Too many password resets have been requested" in refused.content.decode()
    assert reset(client, "x9@example.org", VICTIM).status_code == 302


def test_password_reset_turned_off_says_so_and_sends_nothing(client, settings):
    settings.STUDYHALL_PASSWORD_RESET = False
    User.objects.create_user("ray", email="ray@example.org", password=PASSWORD)
    page = client.get("/accounts/password_reset/").content.decode()
    assert "Password reset is not available" in page
    assert "contact the site's staff" in page
    assert "Password reset is not available" in reset(client, "ray@example.org").content.decode()
    assert not mail.outbox


def test_reset_links_are_never_printed_to_the_log_in_production(client, settings, capsys):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    User.objects.create_user("ray", email="ray@example.org", password=PASSWORD)
    page = reset(client, "ray@example.org").content.decode()
    assert "Password reset is not available" in page
    assert "/accounts/reset/" not in capsys.readouterr().out
