"""The whole learner journey on a 390 px phone, light and dark: guest pre-study, sign up in a
second tab while the first is open, read, complete, post-study, results, completion."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Visitor
from tests.e2e.test_assessment_flow import choose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CH = "/chapters/networking-security/"
PHONE = {"width": 390, "height": 844}
PASSWORD = "a-long-pass-phrase-journey"


class Phone(Visitor):
    """A visitor on a phone that also checks each page fits and is not an error page."""

    def check(self, label: str) -> None:
        """Fits 390 px, is no error page, then axe, console and a screenshot."""
        self.page.wait_for_load_state("load")
        assert self.page.evaluate("document.scrollingElement.scrollWidth") <= 390, label
        title = self.page.title()
        for error in ("Forbidden", "Server error", "Not found", "CSRF", "405"):
            assert error not in title, f"{label}: error page '{title}'"
        super().check(label)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_whole_learner_journey_on_a_phone(browser, live_server, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    first = Phone(context.new_page(), f"journey-{scheme}")
    page = first.page
    page.goto(live_server.url + "/")
    first.check("01-home")

    # A guest starts the pre-study assessment and answers half of it.
    page.locator(".spine-action").get_by_role("link", name="Take the pre-study assessment").click()
    first.check("02-pre-overview")
    page.get_by_role("button", name="Start the pre-study assessment").click()
    expect(page.locator("fieldset.question")).to_have_count(12)
    choose(page, right=True, only=range(1, 7))
    first.check("03-pre-take-guest")

    # Meanwhile, in a second tab, the guest signs up (which rotates the security token).
    second = Phone(context.new_page(), f"journey-{scheme}-tab2")
    second.page.goto(live_server.url + "/accounts/signup/")
    second.page.locator("#id_username").fill(f"journey-{scheme}")
    second.page.locator("#id_password1").fill(PASSWORD)
    second.page.locator("#id_password2").fill(PASSWORD)
    second.page.get_by_role("button", name="Sign up").click()
    expect(second.page.locator("main")).not_to_contain_text("Forbidden")
    second.check("04-signed-up-tab2")

    # Back in the first tab, the next answers save and the submit goes through.
    choose(page, right=False, only=range(7, 13))
    expect(page.locator("#answered-count")).to_contain_text("12 of 12 answered")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score")).to_contain_text("6/12")
    expect(page.locator("main")).not_to_contain_text("Explanation")  # honest: no answers yet
    first.check("05-pre-results")

    # Read: a term's definition opens in place; every section is marked complete.
    page.goto(live_server.url + CH)
    first.check("06-chapter-after-pre")
    page.locator(".spine-action a.button").click()
    expect(page).to_have_url(re.compile(r"/hpc-networking/$"))
    page.get_by_role("button", name="Remote Direct Memory Access").click()
    expect(page.locator("#tip-rdma")).to_be_visible()
    first.check("07-section-term-open")
    page.keyboard.press("Escape")
    for n in range(4):
        page.get_by_role("button", name="Mark as complete").click()
        expect(page.locator("#completion")).to_contain_text("Completed on")
        if n == 0:
            first.check("08-section-completed")
        if n < 3:
            page.locator("a[rel=next]").click()

    # Post-study from the spine, all right: results with the comparison and the gain.
    page.goto(live_server.url + CH)
    primary = page.locator(".spine-action a.button")
    expect(primary).to_have_text(re.compile("post-study", re.I))
    first.check("09-chapter-all-read")
    primary.click()
    page.get_by_role("button", name="Start the post-study assessment").click()
    choose(page, right=True)
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator(".score")).to_contain_text("12/12")
    expect(page.locator(".gain-words")).to_contain_text("You closed 100 % of the gap")
    expect(page.locator(".answer-detail").first).to_contain_text("Explanation")
    first.check("10-post-results")

    # Completion: the chapter says what improved and what to do next.
    page.goto(live_server.url + CH)
    moment = page.locator(".finished")
    expect(moment).to_contain_text("Your score went from 6/12 before study to 12/12 after it")
    expect(moment.get_by_role("link", name="practise in the skill guide")).to_be_visible()
    first.check("11-chapter-complete")
    context.close()
