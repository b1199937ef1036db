"""The abuse-limit, request-too-large and reset-unavailable pages, with axe and CSP checks."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-lp"


def test_refusal_pages_are_clear_and_accessible(visitor, settings):
    v, base = visitor
    page = v.page
    settings.STUDYHALL_LIMITS = {**settings.STUDYHALL_LIMITS, "signups_per_address": (1, 3600)}
    for n in range(2):
        page.goto(base + "/accounts/signup/")
        page.locator("#id_username").fill(f"lp{n}-{v.name}")
        page.locator("#id_password1").fill(PASSWORD)
        page.locator("#id_password2").fill(PASSWORD)
        page.get_by_role("button", name="Sign up").click()
        if n == 0:
            page.context.clear_cookies()
    expect(page.locator("h1")).to_have_text("Too many new accounts")
    expect(page.get_by_role("alert")).to_contain_text("Try again in 60 minutes")
    v.errors.clear()  # Chromium logs the 429 status itself as a console error
    v.check("too-many-signups")

    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("someone")
    page.locator("#id_password").fill("x" * 70_000)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("That request was too large")
    v.errors.clear()
    v.check("request-too-large")

    settings.STUDYHALL_PASSWORD_RESET = False
    page.goto(base + "/accounts/password_reset/")
    expect(page.locator("h1")).to_have_text("Password reset is not available")
    v.check("reset-unavailable")
