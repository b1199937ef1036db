"""The question player: number keys, the navigator, confirm by redirect, Back, results chart."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from .conftest import ARTIFACTS, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-qp"


def test_number_keys_navigator_confirm_redirect_back_and_chart(visitor):
    v, base = visitor
    page = v.page
    User.objects.create_user("player-" + v.name, password=PASSWORD)
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("player-" + v.name)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(base + "/quiz/chapters/networking-security/assessments/pre/")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    page.wait_for_load_state("load")
    expect(page.locator(".key-hint")).to_be_visible()
    first, second = (
        page.locator("fieldset.question").nth(0),
        page.locator("fieldset.question").nth(1),
    )
    first.locator("label.option").nth(0).click()  # the whole card is the label
    expect(first.locator(".answer-status")).to_contain_text("Saved")
    page.keyboard.press("2")  # focus is on the first question's radios
    expect(first.locator("input[type=radio]").nth(1)).to_be_checked()
    page.keyboard.press("Tab")  # on to the second question's options
    page.keyboard.press("3")
    expect(second.locator("input[type=radio]").nth(2)).to_be_checked()
    expect(second.locator(".answer-status")).to_contain_text("Saved")
    nav = page.locator("#quiz-nav")
    expect(nav.locator("a.is-answered")).to_have_count(2)
    expect(nav.get_by_role("link", name="Question 2, answered")).to_be_visible()
    expect(page.locator("#answered-count")).to_contain_text("2 of 12 answered")
    v.check("player-take")

    page.get_by_role("button", name="Submit answers").click()
    expect(page).to_have_url(re.compile(r"/confirm/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Submit with 10 unanswered questions?"
    )
    expect(page.locator(".unanswered-list a")).to_have_count(10)
    v.check("player-confirm")
    page.locator(".unanswered-list a").first.click()
    expect(page).to_have_url(re.compile(r"#question-3$"))
    expect(page.locator("#question-3")).to_be_in_viewport()
    page.screenshot(path=str(ARTIFACTS / f"{v.name}-player-take-viewport.png"))
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Submit with 10 unanswered questions?"
    )
    page.get_by_role("button", name="Submit anyway").click()
    expect(page.locator(".score")).to_contain_text("/12")
    results, score = page.url, page.locator(".score").inner_text()
    page.go_back()  # the confirm page again, by GET: it now leads to the results, no prompt
    expect(page).to_have_url(results)
    expect(page.locator(".score")).to_contain_text("/12")
    expect(page.locator("svg.chart[role=img]")).to_be_visible()
    expect(page.locator(".chart-table tbody tr").first).to_be_visible()
    v.check("player-pre-results")

    page.get_by_role("link", name="See the answers now anyway").click()
    page.get_by_role("button", name="Show me the answers now").click()
    page.get_by_role("link", name=re.compile(r"^Practise \d+ missed question")).click()
    expect(page.get_by_text("Practice does not count as an attempt")).to_be_visible()
    page.locator("label.option").first.click()
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".practice-feedback .verdict")).to_contain_text(
        re.compile("Right|Not quite")
    )
    expect(page.locator(".practice-feedback")).to_contain_text("Explanation")
    v.check("player-practice")
    page.get_by_role("link", name="Back to your results").click()
    expect(page.locator(".score")).to_have_text(score)
    assert v.errors == []


def test_a_submit_while_an_answer_is_saving_waits_for_it(browser, live_server):
    User.objects.create_user("racer", password=PASSWORD)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    v = Visitor(context.new_page(), "phone-racer")
    page = v.page
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_username").fill("racer")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/quiz/chapters/networking-security/assessments/pre/")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    page.wait_for_load_state("load")
    held = []
    page.route(re.compile(r"/answer/$"), lambda route: held.append(route))
    page.locator("fieldset.question").nth(0).locator("label.option").nth(1).click()
    for _ in range(50):  # the save leaves the page and is held here
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".submit-wait")).to_be_visible()
    assert "/confirm/" not in page.url, "the submit waited for the save"
    held[0].continue_()
    expect(page).to_have_url(re.compile(r"/confirm/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Submit with 11 unanswered questions?"
    )
    v.check("submit-after-save")  # no console error: the save was not refused
    context.close()
