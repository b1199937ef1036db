"""Instructor creates a cohort; one learner joins by link, another by code; the home shows them."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from cohorts.models import Cohort
from cohorts.roles import set_instructor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-co"


def log_in(page, base: str, username: str, next_path: str = "") -> None:
    page.goto(base + "/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()


def test_instructor_creates_a_cohort_and_learners_join_by_link_and_by_code(visitor):
    v, base = visitor
    page = v.page
    set_instructor(user=User.objects.create_user("teach", password=PASSWORD), instructor=True)
    User.objects.create_user("coder", password=PASSWORD)

    log_in(page, base, "teach")
    page.get_by_role("link", name="Teach").click()
    expect(page.locator("h1")).to_have_text("Your cohorts")
    v.check("cohorts-home-empty")
    page.get_by_label("Name").fill("Spring cohort")
    page.get_by_label(re.compile("Chapter 8")).check()
    page.get_by_role("button", name="Create cohort").click()
    expect(page.locator("h1")).to_have_text("Spring cohort")
    v.check("cohort-page")
    cohort = Cohort.objects.get()
    link = page.locator(".invite-link").inner_text()
    log_out(page)

    page.goto(link)  # a guest opens the invite link and signs up on the way
    expect(page.locator("h1")).to_have_text("Join “Spring cohort”")
    v.check("join-by-link-guest")
    page.locator("main").get_by_role("link", name="sign up").click()
    page.locator("#id_username").fill("linker")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("Join “Spring cohort”")
    expect(page.get_by_label("No: share only what I do from now on")).to_be_checked()
    v.check("join-by-link")
    page.get_by_role("button", name="Join Spring cohort").click()
    expect(page.locator(".messages")).to_contain_text("You are in “Spring cohort”")
    expect(page.locator("main")).to_contain_text("Cohorts that see your progress")
    v.check("progress-with-cohort")
    log_out(page)

    log_in(page, base, "coder", "/join/")
    expect(page.locator("h1")).to_have_text("Join a cohort")
    page.get_by_label("Join code").fill("WRONG1")
    page.get_by_role("button", name="Find cohort").click()
    expect(page.locator(".message-error")).to_contain_text("No open cohort has that code")
    v.errors.clear()  # Chromium logs the 422 status itself as a console error
    v.check("join-wrong-code")
    page.get_by_label("Join code").fill(cohort.join_code.lower())
    page.get_by_role("button", name="Find cohort").click()
    page.get_by_label("Yes: also share what I did before joining").check()
    page.get_by_role("button", name="Join Spring cohort").click()
    expect(page.locator(".messages")).to_contain_text("You are in “Spring cohort”")
    log_out(page)

    log_in(page, base, "teach")
    page.get_by_role("link", name="Teach").click()
    expect(page.locator(".cohort-table")).to_contain_text("Spring cohort")
    expect(page.locator('.cohort-table td[data-label="Learners"]')).to_have_text("2")
    v.check("cohorts-home")
    page.get_by_role("link", name="Spring cohort").click()
    expect(page.locator(".progress-table")).to_contain_text("linker")
    expect(page.locator(".progress-table")).to_contain_text("coder")
