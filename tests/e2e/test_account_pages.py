"""The remaining pages, checked with axe-core and for CSP errors at every width and scheme."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-ap"


def test_password_reset_lockout_and_account_pages_are_accessible(visitor):
    v, base = visitor
    page = v.page
    name = "acct-" + v.name
    User.objects.create_user(name, email=f"{name}@example.org", password=PASSWORD)

    page.goto(base + "/accounts/password_reset/")
    v.check("password-reset")
    page.locator("#id_email").fill(f"{name}@example.org")
    page.get_by_role("button", name="Send reset link").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    v.check("password-reset-done")

    for _ in range(10):
        page.goto(base + "/accounts/login/")
        page.locator("#id_username").fill(name)
        page.locator("#id_password").fill("wrong password")
        page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Too many failed log-in attempts")
    v.errors.clear()  # Chromium logs the 429 status itself as a console error
    v.check("locked-out")


def test_signed_in_account_pages_and_quiz_confirmation_are_accessible(visitor):
    v, base = visitor
    page = v.page
    name = "me-" + v.name
    User.objects.create_user(name, password=PASSWORD)
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill(name)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(base + "/accounts/password_change/")
    v.check("password-change")
    page.goto(base + "/quiz/chapters/networking-security/assessments/pre/")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator("h1")).to_contain_text("Submit with 12 unanswered questions?")
    v.check("quiz-confirm")
    page.goto(base + "/accounts/delete/")
    v.check("delete-account")
    page.locator("#id_confirm").fill(name)
    page.get_by_role("button", name="Delete my account and data").click()
    expect(page.locator(".messages")).to_contain_text("have been deleted")
    v.check("after-delete")
