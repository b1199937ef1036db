"""Pre-study with some wrong answers, reading, post-study all right: results, changes, gain."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from courses.catalog import get_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CH = "/chapters/networking-security/"
PASSWORD = "a-long-pass-phrase-qe"


def key() -> dict[str, str]:
    """Prompt -> right option text (from the content, as a learner who studied would know)."""
    chapter = get_course().chapter("networking-security")
    return {
        q.prompt: next(c.text for c in q.choices if c.id == q.answer) for q in chapter.questions
    }


def choose(page, right: bool, only: range | None = None) -> None:
    page.wait_for_load_state("load")  # htmx (a deferred script) must be running to save answers
    answers = key()
    for i, fieldset in enumerate(page.locator("fieldset.question").all(), 1):
        if only and i not in only:
            continue
        prompt = fieldset.locator(".question-head .prompt").inner_text()
        target = next(text for p, text in answers.items() if p in prompt)
        labels = fieldset.locator("label.option")
        pick = (
            labels.filter(has_text=target).first
            if right
            else labels.filter(has_not_text=target).first
        )
        pick.click()
        expect(pick.locator("input")).to_be_checked()
        expect(fieldset.locator(".answer-status")).to_contain_text("Saved")


def test_pre_then_post_shows_scores_changes_and_gain(visitor):
    v, base = visitor
    page = v.page
    User.objects.create_user("learner-" + v.name, password=PASSWORD)
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("learner-" + v.name)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(base + CH)
    v.check("quiz-chapter")
    page.locator(".spine-action").get_by_role("link", name="Take the pre-study assessment").click()
    v.check("quiz-pre-overview")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    expect(page.locator("fieldset.question")).to_have_count(12)
    choose(page, right=True, only=range(1, 7))
    expect(page.locator("#answered-count")).to_contain_text("6 of 12 answered")
    page.reload()
    expect(page.locator("#answered-count")).to_contain_text("6 of 12 answered")
    expect(page.locator("input[type=radio]:checked")).to_have_count(6)
    choose(page, right=False, only=range(7, 13))
    v.check("quiz-take")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score")).to_contain_text("6/12")
    expect(page.locator("#review-heading")).to_be_visible()
    v.check("quiz-pre-results")

    page.goto(base + CH + "hpc-networking/")
    page.locator("a[rel=next]").click()
    page.goto(base + "/quiz/chapters/networking-security/assessments/post/")
    page.get_by_role("button", name="Start the post-study assessment").click()
    choose(page, right=True)
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score")).to_contain_text("12/12")
    expect(page.locator(".gain-words")).to_contain_text("You closed 100 % of the gap")
    page.get_by_text("How is this calculated?").click()
    expect(page.locator(".gain")).to_contain_text("Learning gain g = 1.00")
    expect(page.locator("svg.chart .bar-post").first).to_be_visible()
    expect(page.locator(".result")).to_have_count(12)
    expect(page.locator(".result.is-right")).to_have_count(12)
    expect(page.get_by_text("wrong before, right now")).to_have_count(6)
    expect(page.locator(".answer-detail").first).to_contain_text("Explanation")
    v.check("quiz-post-results")

    page.get_by_role("button", name="Retake the post-study assessment").click()
    expect(page.locator("#answered-count")).to_contain_text("0 of 12 answered")
    v.check("quiz-retake")


def test_an_error_while_saving_is_shown_and_the_choice_stays(visitor):
    v, base = visitor
    page = v.page
    page.goto(base + "/quiz/chapters/networking-security/assessments/pre/")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    page.wait_for_load_state("load")
    first = page.locator("fieldset.question").first
    first.locator("input").first.evaluate("el => el.value = 'forged-token'")
    first.locator("input").first.check()
    expect(first.locator(".answer-status")).to_contain_text("Not saved")
    expect(first.locator("input").first).to_be_checked()
    v.errors.clear()  # the 422 reply is logged by Chromium as a failed request
