"""The instructor's cohort overview, a learner and a question: axe, CSP, phone and desktop."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from cohorts import services
from cohorts.roles import set_instructor
from tests.cohorts.dashboard_helpers import Q1, Q2, learner, sit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-dash"


def test_overview_learner_and_question_pages(visitor):
    v, base = visitor
    page = v.page
    teacher = User.objects.create_user("dash", password=PASSWORD)
    set_instructor(user=teacher, instructor=True)
    cohort = services.create_cohort(
        instructor=teacher, name="Dash cohort", chapter_ids=["networking-security"]
    )
    for name, pre, post in [("ann", "a", "b"), ("bob", "c", "c"), ("cat", "b", "a")]:
        user = learner(cohort, name)
        sit(user, "pre", {Q1: pre, Q2: "b"}, 30)
        sit(user, "post", {Q1: post, Q2: "b"}, 10)
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("dash")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base}/teach/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Overview: figures, learners, questions").click()
    expect(page.locator("h1")).to_have_text("Dash cohort")
    expect(page.locator("#overview-live")).to_contain_text("Matched n")
    v.check("dashboard-overview")
    page.get_by_role("link", name="ann", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("ann")
    v.check("dashboard-learner")
    page.get_by_role("link", name="Prompt of rdma-advantage?").click()
    expect(page.locator("h1")).to_contain_text("RDMA")
    v.check("dashboard-question")
