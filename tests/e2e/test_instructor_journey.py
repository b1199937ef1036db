"""The instructor's journey: a cohort, learners joining by link and code, both assessments taken,
the overview's figures, a learner and a question drilled into; with and without JavaScript."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from cohorts.models import Cohort
from cohorts.roles import set_instructor
from tests.e2e.conftest import VIEWPORTS
from tests.e2e.test_assessment_flow import key

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-ij"
QUIZ = "/quiz/chapters/networking-security/assessments/"


class Quiet:
    """Stands in for the axe-checking visitor where a page is only driven (no-JS run)."""

    def __init__(self, page) -> None:
        self.page = page

    def check(self, label: str) -> None:
        """Nothing to check beyond the assertions of the journey."""


def log_in(page, base: str, username: str, next_path: str = "") -> None:
    page.goto(base + "/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()


def take(page, base: str, kind: str, right: int) -> None:
    """Start and submit an assessment with the first `right` questions right, the rest wrong."""
    page.goto(base + QUIZ + kind + "/")
    page.get_by_role("button", name=f"Start the {kind}-study assessment").click()
    expect(page.locator("fieldset.question")).to_have_count(12)
    answers = key()
    for i, fieldset in enumerate(page.locator("fieldset.question").all(), 1):
        prompt = fieldset.locator(".question-head .prompt").inner_text()
        target = next(text for p, text in answers.items() if p in prompt)
        labels = fieldset.locator("label.option")
        pick = labels.filter(has_text=target) if i <= right else labels.filter(has_not_text=target)
        pick.first.locator("input").check()
    page.wait_for_load_state("networkidle")  # every answer saved (htmx) before the submit
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score")).to_contain_text(f"{right}/12")


def journey(v, base: str) -> None:
    """The whole journey; `v.check` runs axe and the CSP console check where the visitor can."""
    page = v.page
    set_instructor(user=User.objects.create_user("teach", password=PASSWORD), instructor=True)
    for name in ("linker", "coder"):
        User.objects.create_user(name, first_name=name.title(), password=PASSWORD)

    log_in(page, base, "teach")
    page.get_by_role("link", name="Teach").click()
    page.get_by_label("Name").fill("Autumn cohort")
    page.get_by_label(re.compile("Chapter 8")).check()
    page.get_by_role("button", name="Create cohort").click()
    expect(page.locator("h1")).to_have_text("Autumn cohort")
    cohort = Cohort.objects.get()
    link = page.locator(".invite-link").inner_text()
    log_out(page)

    log_in(page, base, "linker")
    page.goto(link)
    page.get_by_role("button", name="Join Autumn cohort").click()
    expect(page.locator(".messages")).to_contain_text("You are in “Autumn cohort”")
    take(page, base, "pre", right=3)
    take(page, base, "post", right=12)
    log_out(page)

    log_in(page, base, "coder", "/join/")
    page.get_by_label("Join code").fill(cohort.join_code)
    page.get_by_role("button", name="Find cohort").click()
    page.get_by_role("button", name="Join Autumn cohort").click()
    expect(page.locator(".messages")).to_contain_text("You are in “Autumn cohort”")
    take(page, base, "pre", right=6)
    take(page, base, "post", right=9)
    log_out(page)

    log_in(page, base, "teach")
    page.get_by_role("link", name="Teach").click()
    expect(page.locator('.cohort-table td[data-label="Learners"]')).to_have_text("2")
    v.check("journey-teach-home")
    page.get_by_role("link", name="overview").click()
    expect(page.locator("h1")).to_have_text("Autumn cohort")
    figures = page.locator("dl.figures")
    for label, value in (
        ("Enrolled", "2"),
        ("Pre done", "2"),
        ("Post done", "2"),
        ("Matched n", "2"),
    ):
        expect(figures.locator(".figure", has_text=label).locator(".figure-value")).to_have_text(
            value
        )
    # Mean pre 37.5 %, mean post 87.5 %: <g> = 50 / 62.5 = 0.80.
    expect(figures.locator(".figure", has_text="Class gain")).to_contain_text("0.80")
    v.check("journey-overview")

    page.locator("main").get_by_role("link", name="Linker").first.click()
    expect(page.locator("h1")).to_have_text("Linker")
    v.check("journey-learner")
    page.locator("main a[href*='/items/']").first.click()
    expect(page.locator("main h2", has_text="Version").first).to_contain_text("(n = 2)")
    v.check("journey-question")


def test_instructor_journey(visitor):
    v, base = visitor
    journey(v, base)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_instructor_journey_without_javascript(browser, live_server, size):
    context = browser.new_context(viewport=VIEWPORTS[size], java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        journey(Quiet(page), live_server.url)
    finally:
        context.close()
