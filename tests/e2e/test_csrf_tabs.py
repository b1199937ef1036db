"""Shared pages post with a token fetched on first use, and signing in in another tab breaks none."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SECTION = "/chapters/networking-security/hpc-networking/"
GUIDE = "/guides/k8s-gpu-security/"
PASSWORD = "a-long-pass-phrase-tabs"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield context
    context.close()


def test_logging_in_in_another_tab_does_not_break_the_open_one(context, live_server):
    User.objects.create_user("tabby", password=PASSWORD)
    first = Visitor(context.new_page(), "tabs-first")
    first.page.goto(live_server.url + SECTION)
    first.page.goto(live_server.url + GUIDE, wait_until="load")
    reading = context.new_page()
    reading.goto(live_server.url + SECTION)
    assert not [c for c in context.cookies() if c["name"] == "csrftoken"]  # shared pages

    second = context.new_page()
    second.goto(live_server.url + "/accounts/login/")
    second.locator("#id_username").fill("tabby")
    second.locator("#id_password").fill(PASSWORD)
    second.get_by_role("button", name="Log in").click()
    expect(second.locator("h1")).to_have_text("Your progress")

    first.page.locator("#step-" + _first_step(first.page) + " button").click()
    expect(first.page.locator("#step-" + _first_step(first.page))).to_have_class(
        "check-item is-done"
    )
    reading.get_by_role("button", name="Mark as complete").click()
    expect(reading.locator("#completion")).to_contain_text("Completed on")
    first.check("tabs-ticked-after-login")

    second.reload()
    expect(second.locator("main")).to_contain_text("25% · 1 of 4 sections complete")


def test_a_failed_security_check_says_so_and_offers_a_reload(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + SECTION)
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies([{"name": "csrftoken", "value": "!" * 32, "domain": host, "path": "/"}])
    page.get_by_role("button", name="Mark as complete").click()
    notice = page.locator(".csrf-notice")
    expect(notice).to_contain_text("Not saved")
    expect(notice.get_by_role("link", name="Reload the page")).to_have_attribute(
        "href", live_server.url + SECTION
    )
    notice.get_by_role("link", name="Reload the page").click()
    expect(page.get_by_role("button", name="Mark as complete")).to_be_visible()


def _first_step(page) -> str:
    return page.locator(".check-item").first.get_attribute("id").removeprefix("step-")


def test_signing_up_in_another_tab_breaks_no_mark_tick_or_plain_form(context, live_server):
    guide = Visitor(context.new_page(), "tabs-signup-guide")
    guide.page.goto(live_server.url + GUIDE)
    reading = Visitor(context.new_page(), "tabs-signup-reading")
    reading.page.goto(live_server.url + SECTION)

    second = context.new_page()
    second.goto(live_server.url + "/accounts/signup/")
    second.locator("#id_username").fill("tab-signer")
    second.locator("#id_password1").fill(PASSWORD)
    second.locator("#id_password2").fill(PASSWORD)
    second.get_by_role("button", name="Sign up").click()
    expect(second.locator("h1")).to_have_text("Your progress")

    step = "#step-" + _first_step(guide.page)
    guide.page.locator(step + " button").click()
    expect(guide.page.locator(step)).to_have_class("check-item is-done")
    reading.page.get_by_role("button", name="Mark as complete").click()
    expect(reading.page.locator("#completion")).to_contain_text("Completed on")
    reading.check("tabs-signup-marked")
    second.reload()
    expect(second.locator("main")).to_contain_text("1 of 4 sections complete")
    expect(second.locator("main")).to_contain_text("1 of 12 project steps done")

    # A plain form (log out in the header) rendered before a log-in in another tab still works.
    reading.page.reload()
    stale = reading.page.locator("header input[name=csrfmiddlewaretoken]").input_value()
    second.get_by_role("button", name="Log out").click()
    second.goto(live_server.url + "/accounts/login/")
    second.locator("#id_username").fill("tab-signer")
    second.locator("#id_password").fill(PASSWORD)
    second.get_by_role("button", name="Log in").click()
    expect(second.locator("h1")).to_have_text("Your progress")
    assert _cookie(context, "csrftoken") not in stale  # the log-in rotated the token
    reading.page.get_by_role("button", name="Log out").click()
    expect(reading.page.locator(".messages")).to_contain_text("You are logged out")


def _cookie(context, name: str) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == name)
