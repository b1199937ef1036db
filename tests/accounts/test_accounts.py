"""Accounts: sign up, log in, throttling, password reset, deleting my data."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from courses.models import SectionProgress

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-phrase-9"


def test_sign_up_creates_a_learner_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {"username": "zoe", "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/progress/"
    user = User.objects.get(username="zoe")
    assert list(user.groups.values_list("name", flat=True)) == ["Learner"]
    assert "Signed in as zoe" in client.get("/progress/").content.decode()


def test_sign_up_rejects_a_weak_password_with_a_clear_message(client):
    response = client.post(
        "/accounts/signup/", {"username": "zoe", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_only_follows_safe_next_urls(client):
    data = {
        "username": "zed",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "next": "https://evil.example/",
    }
    assert client.post("/accounts/signup/", data)["Location"] == "/progress/"


def test_login_rotates_the_session_key(client):
    User.objects.create_user("kim", password=PASSWORD)
    client.post("/chapters/networking-security/hpc-networking/complete/")  # guest session
    before = client.session.session_key
    client.post("/accounts/login/", {"username": "kim", "password": PASSWORD})
    assert client.session.session_key != before


def test_ten_failed_logins_lock_the_username_with_a_clear_message(client):
    User.objects.create_user("lou", password=PASSWORD)
    for _ in range(9):
        response = client.post("/accounts/login/", {"username": "lou", "password": "wrong"})
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    response = client.post("/accounts/login/", {"username": "lou", "password": "wrong"})
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()
    locked = client.post("/accounts/login/", {"username": "lou", "password": PASSWORD})
    assert locked.status_code == 429  # even the right password waits out the cool-off


def test_password_reset_sends_an_email_with_a_link(client):
    User.objects.create_user("ray", email="ray@example.org", password=PASSWORD)
    response = client.post("/accounts/password_reset/", {"email": "ray@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_password_change_needs_the_old_password(client):
    user = User.objects.create_user("pat", password=PASSWORD)
    client.force_login(user)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": "nope",
            "new_password1": "another-long-phrase-7",
            "new_password2": "another-long-phrase-7",
        },
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()


def test_logout_is_a_post_and_says_so(client):
    client.force_login(User.objects.create_user("max", password=PASSWORD))
    page = client.get("/accounts/logout/")
    assert page.status_code == 200 and "Log out?" in page.content.decode()
    assert client.get("/").wsgi_request.user.is_authenticated  # a GET logs nobody out
    response = client.post("/accounts/logout/", follow=True)
    html = response.content.decode()
    assert "You are logged out" in html and "Signed in as" not in html


def test_pages_are_branded_study_hall_not_the_host(client):
    html = client.get("/accounts/login/").content.decode()
    assert "<title>Log in · Study Hall</title>" in html


def test_a_too_long_username_is_refused_with_a_message_not_cut(client):
    form = client.get("/accounts/signup/").content.decode()
    assert 'maxlength="150"' not in form.split('name="username"')[1].split(">")[0]
    name = "u" * 151
    response = client.post(
        "/accounts/signup/", {"username": name, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert "at most 150 characters" in response.content.decode()
    assert not User.objects.exists()


def test_delete_account_needs_confirmation_then_removes_everything(client):
    user = User.objects.create_user("del", password=PASSWORD)
    client.force_login(user)
    client.post("/chapters/networking-security/hpc-networking/complete/")
    wrong = client.post("/accounts/delete/", {"confirm": "someone-else"})
    assert "nothing was deleted" in wrong.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/accounts/delete/", {"confirm": "del"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not SectionProgress.objects.exists()
    assert "have been deleted" in client.get("/").content.decode()


def test_delete_account_page_needs_a_login(client):
    response = client.get("/accounts/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "url",
    [
        "/progress/",
        "/progress/export.json",
        "/progress/export.csv",
        "/accounts/delete/",
        "/accounts/password_change/",
    ],
)
def test_personal_pages_are_never_cached(client, url):
    client.force_login(User.objects.create_user("cc", password=PASSWORD))
    cache = client.get(url)["Cache-Control"]
    assert "no-store" in cache
    assert "private" in cache


def test_a_next_that_is_not_a_path_falls_back_to_progress(client):
    data = {"username": "word", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post("/accounts/signup/?next=home", data)
    assert response.status_code == 302
    assert response["Location"] == "/progress/"


def test_a_signed_in_visit_to_login_with_next_pointing_at_login_does_not_crash(client):
    client.force_login(User.objects.create_user("loop", password=PASSWORD))
    response = client.get("/accounts/login/?next=/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/progress/"
