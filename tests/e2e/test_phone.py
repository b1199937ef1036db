"""Phone first: no sideways scroll on any reading page, diagrams that fit, undo, the reading log."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CH = "/chapters/networking-security/"
READING = [
    "/",
    CH,
    *(
        f"{CH}{s}/"
        for s in ("hpc-networking", "network-policies", "security-practices", "data-compliance")
    ),
    f"{CH}glossary/",
    "/guides/k8s-gpu-security/",
]
WIDTH = "document.scrollingElement.scrollWidth"
# Tables whose content is wider than the box they are shown in (cut off, scrolling sideways).
CUT_TABLES = """[...document.querySelectorAll('.prose table')]
  .filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.textContent.slice(0, 40))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_reading_page_fits_a_390_px_phone(browser, live_server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    v = Visitor(context.new_page(), f"phone390-{scheme}")
    for url in READING:
        v.page.goto(live_server.url + url)
        assert v.page.evaluate(WIDTH) <= 390, url
        header = v.page.locator(".site-header").bounding_box()
        assert header["height"] <= 64, f"{url}: the header wraps ({header['height']} px)"
        crumbs = v.page.locator(".breadcrumbs")
        if crumbs.count():
            assert crumbs.bounding_box()["height"] <= 32, f"{url}: the breadcrumb wraps"
        title = v.page.locator("h1").first.bounding_box()
        assert title["y"] <= 160, f"{url}: the page title starts {title['y']} px down"
        assert v.page.evaluate(CUT_TABLES) == [], f"{url}: a table is cut off"
        v.check(re.sub(r"\W+", "-", url).strip("-") or "home")
    context.close()


def test_on_a_phone_the_contents_fold_and_reading_starts_in_the_first_screen(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}{CH}network-policies/")
    expect(page.locator(".toc details").first).not_to_have_attribute("open", "")
    first_paragraph = page.locator(".prose > p").first.bounding_box()
    assert first_paragraph["y"] < 844, first_paragraph
    page.get_by_role("heading", name="On this page").click()
    expect(page.locator(".toc details").first).to_have_attribute("open", "")
    context.close()


@pytest.mark.parametrize(
    ("size", "section", "diagram"),
    [
        (size, section, diagram)
        for size in ((390, 844), (1280, 768))
        for section, diagram in (
            ("network-policies", "network-policy"),
            ("security-practices", "defense-in-depth"),
            ("hpc-networking", "rdma-vs-tcp"),
        )
    ],
)
def test_a_stepped_diagram_its_caption_and_controls_share_one_screen(
    browser, live_server, size, section, diagram
):
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="no-preference"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{CH}{section}/")
    figure = page.locator(f"#diagram-{diagram}")
    figure.get_by_role("button", name="Next step").click()
    figure.locator(".dg-svg").evaluate("el => el.scrollIntoView({block: 'start'})")
    steps = figure.locator(".diagram-steps li").count()
    for step in range(2, steps + 1):  # stepping on, nothing moves out of the screen
        expect(figure.locator(".dg-counter")).to_have_text(f"Step {step} of {steps}")
        page.wait_for_timeout(300)
        svg = figure.locator(".dg-svg").bounding_box()
        controls = figure.locator(".dg-controls").bounding_box()
        now = figure.locator(".dg-now").bounding_box()
        for name, box in (("drawing", svg), ("controls", controls), ("caption", now)):
            assert box["y"] >= -1 and box["y"] + box["height"] <= height + 1, (step, name, box)
        beside = controls["x"] >= svg["x"] + svg["width"] - 1
        assert beside or svg["y"] + svg["height"] <= controls["y"] + 1, "controls cover it"
        if step < steps:
            figure.get_by_role("button", name="Next step").click()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"diagram-{diagram}-{width}.png"))
    context.close()


def test_undo_a_completion_in_the_browser(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    v = Visitor(context.new_page(), "phone-undo")
    v.page.goto(f"{live_server.url}{CH}hpc-networking/")
    v.page.get_by_role("button", name="Mark as complete").click()
    expect(v.page.locator("#completion")).to_contain_text("Completed on")
    v.check("section-completed")
    v.page.get_by_role("button", name=re.compile("^Undo")).click()
    expect(v.page.get_by_role("button", name="Mark as complete")).to_be_visible()
    expect(v.page.locator("#section-nav")).to_contain_text("0 of 4")
    context.close()


def test_reading_as_a_guest_before_any_mark_is_kept_at_sign_up(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    v = Visitor(context.new_page(), "phone-log")
    page = v.page
    page.goto(f"{live_server.url}{CH}network-policies/")
    assert context.cookies() == []  # reading leaves no cookie
    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.locator("input[name=reading_log]")).to_have_value(re.compile("network-policies"))
    page.locator("#id_username").fill("logged-reader")
    page.locator("#id_password1").fill("a-long-pass-phrase-7")
    page.locator("#id_password2").fill("a-long-pass-phrase-7")
    page.get_by_role("button", name="Sign up").click()
    page.goto(live_server.url + CH)
    expect(page.locator(".spine-or a")).to_have_text("Continue: Network Policies and Isolation")
    assert page.evaluate("localStorage.getItem('studyhall.readingLog')") is None
    v.check("chapter-after-claim")
    context.close()
