"""A guest reads, marks progress, signs up, keeps it, and comes back to the right place."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CH = "/chapters/networking-security/"
PASSWORD = "a-long-pass-phrase-e2e"


def test_guest_progress_survives_sign_up_and_continue_finds_the_next_section(visitor):
    v, base = visitor
    page = v.page
    username = "reader-" + v.name
    page.goto(base + CH + "hpc-networking/")
    v.check("flow-section-1")
    page.locator("a[rel=next]").click()
    expect(page.locator("h1")).to_have_text("Network Policies and Isolation")
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.locator("#completion")).to_contain_text("Completed on")
    expect(page.locator("#section-nav")).to_contain_text("25% · 1 of 4 sections complete")
    v.check("flow-marked-as-guest")
    page.locator("a[rel=next]").click()  # section 3, now tracked as opened
    expect(page.locator("h1")).to_have_text("Security Best Practices")

    page.get_by_role("link", name="Sign up").first.click()
    v.check("flow-signup")
    page.locator("#id_username").fill(username)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("Your progress")
    expect(page.locator(".messages")).to_contain_text("your progress is saved")
    expect(page.locator(".progress-table")).to_contain_text("Completed")
    expect(page.locator(".progress-table")).to_contain_text("Opened")
    v.check("flow-progress-after-signup")

    page.goto(base + CH + "security-practices/")
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.locator("#section-nav")).to_contain_text("50% · 2 of 4 sections complete")
    page.get_by_role("link", name="Your progress").click()
    expect(page.locator("main")).to_contain_text("50% · 2 of 4 sections complete")

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    v.check("flow-login")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator(".brand").click()  # "Courses" folds into the brand on a phone
    expect(page.get_by_role("link", name="Continue: Data Security and Compliance")).to_be_visible()
    v.check("flow-home-continue")
    page.get_by_role("link", name="Continue: Data Security and Compliance").click()
    expect(page).to_have_url(re.compile(r"/data-compliance/$"))


def test_practice_steps_and_ratings_work_in_place(visitor):
    v, base = visitor
    page = v.page
    page.goto(base + "/guides/k8s-gpu-security/")
    first = page.locator("#step-harden-serving-container-1 button")
    first.click()
    expect(page.locator("#step-harden-serving-container-1 button")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#guide-practice")).to_contain_text("1 of 12 project steps done")
    page.locator("#rating-crypto-mining-incident").get_by_role("button", name="Needs work").click()
    expect(
        page.locator("#rating-crypto-mining-incident").get_by_role("button", name="Needs work")
    ).to_have_attribute("aria-pressed", "true")
    v.check("guide-practice")
