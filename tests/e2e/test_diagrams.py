"""Animated diagrams in a real browser: playing, controls, reduced motion, no JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, VIEWPORTS, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CH = "/chapters/networking-security/"
DIAGRAMS = {
    "rdma-vs-tcp": "hpc-networking",
    "network-policy": "network-policies",
    "defense-in-depth": "security-practices",
}
SHOTS = ARTIFACTS.parent / "diagrams"
RUNNING = "document.getAnimations().filter(a => a.playState === 'running').length"
PACKETS = "document.getAnimations().filter(a => a.effect.target.matches('.dg-packet')).length"


def open_diagram(page, base: str, diagram: str):
    page.goto(f"{base}{CH}{DIAGRAMS[diagram]}/")
    figure = page.locator(f"#diagram-{diagram}")
    return figure, figure.locator(".diagram-steps > li")


def shoot(figure, diagram: str, name: str, step: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    figure.page.wait_for_timeout(600)  # let fades finish (real time, not the page's clock)
    figure.screenshot(path=str(SHOTS / f"{diagram}-{name}-{step}.png"))


def button(figure, name):
    return figure.get_by_role("button", name=name, exact=True)


def caption(figure) -> str:
    return figure.locator(".dg-live-text").text_content()


@pytest.mark.parametrize("diagram", DIAGRAMS)
def test_each_diagram_plays_through_every_step_and_replays(visitor, diagram):
    v, base = visitor
    page = v.page
    page.clock.install()
    figure, items = open_diagram(page, base, diagram)
    expect(figure).to_have_class(re.compile(r"\bis-enhanced\b"))
    v.check(f"diagram-{diagram}-start")  # axe and CSP on the enhanced diagram at step 1
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)

    button(figure, "Replay").click()
    captions = [" ".join(t.split()) for t in items.all_text_contents()]
    holds = items.evaluate_all("els => els.map(e => Number(e.dataset.ms))")
    last = len(captions)
    expect(figure.locator(".dg-counter")).to_have_text(f"Step 1 of {last}")
    expect(figure).to_have_class(re.compile(r"\bis-playing\b"))
    shoot(figure, diagram, v.name, "step-first")
    for number in range(2, last + 1):
        page.clock.run_for(holds[number - 2])
        expect(figure.locator(".dg-counter")).to_have_text(f"Step {number} of {last}")
        assert " ".join(caption(figure).split()) == captions[number - 1]
        expect(items.nth(number - 1)).to_have_attribute("aria-current", "step")
        packets = figure.locator(f'.dg-packet[data-step="{number}"]').count()
        assert page.evaluate(PACKETS) == packets  # each trip of this step, and only those
    page.clock.run_for(holds[-1])
    expect(button(figure, "Play")).to_be_visible()  # stopped at the end
    expect(figure.locator("svg .is-hidden")).to_have_count(0)
    shoot(figure, diagram, v.name, "step-last")

    button(figure, "Replay").click()
    expect(figure.locator(".dg-counter")).to_have_text(f"Step 1 of {last}")
    assert figure.locator("svg .is-hidden").count() > 0
    page.clock.run_for(holds[0])
    expect(figure.locator(".dg-counter")).to_have_text(f"Step 2 of {last}")
    page.clock.resume()
    button(figure, "Pause").click()
    v.check(f"diagram-{diagram}-end")


def test_a_diagram_starts_playing_when_it_scrolls_into_view(browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.clock.install()
    figure, _ = open_diagram(page, live_server.url, "network-policy")
    expect(figure.locator(".dg-counter")).to_have_text("Step 1 of 9")
    expect(figure).not_to_have_class(re.compile(r"\bis-playing\b"))
    figure.locator("svg").scroll_into_view_if_needed()
    expect(figure).to_have_class(re.compile(r"\bis-playing\b"))
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_operates_every_control_with_visible_focus(browser, live_server, scheme):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme=scheme)
    page = context.new_page()
    v = Visitor(page, f"desktop-{scheme}")
    figure, items = open_diagram(page, live_server.url, "defense-in-depth")
    counter = figure.locator(".dg-counter")
    last = items.count()
    replay = button(figure, "Replay")
    replay.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached by keyboard, so :focus-visible applies
    expect(replay).to_be_focused()
    for name in ("Previous step", re.compile("^(Play|Pause)$"), "Next step"):  # it may autoplay
        page.keyboard.press("Tab")
        control = button(figure, name)
        expect(control).to_be_focused()
        assert control.evaluate("el => getComputedStyle(el).outlineStyle") != "none"

    page.keyboard.press("Enter")  # Next step
    expect(counter).to_have_text(f"Step 2 of {last}")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"Step 3 of {last}")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"Step 2 of {last}")
    page.keyboard.press("End")
    expect(counter).to_have_text(f"Step {last} of {last}")
    expect(button(figure, "Next step")).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Home")
    expect(counter).to_have_text(f"Step 1 of {last}")
    expect(figure.locator(".dg-live-text")).to_have_text(items.first.text_content().strip())

    page.keyboard.press("Shift+Tab")  # back to Play/Pause
    page.keyboard.press("Space")
    expect(button(figure, "Pause")).to_be_focused()
    expect(figure).to_have_class(re.compile(r"\bis-playing\b"))
    page.keyboard.press("Space")
    expect(button(figure, "Play")).to_be_focused()
    expect(figure).not_to_have_class(re.compile(r"\bis-playing\b"))
    live = figure.locator("[aria-live=polite]")
    expect(live).to_have_count(1)
    expect(live).to_contain_text(f"Step 1 of {last}:")
    v.check("diagram-keyboard")
    context.close()


@pytest.mark.parametrize("diagram", DIAGRAMS)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_reduced_motion_shows_the_final_state_and_moves_nothing(
    browser, live_server, diagram, size
):
    context = browser.new_context(viewport=VIEWPORTS[size], reduced_motion="reduce")
    page = context.new_page()
    v = Visitor(page, f"{size}-reduced")
    figure, items = open_diagram(page, live_server.url, diagram)
    last = items.count()
    figure.locator("svg").scroll_into_view_if_needed()
    expect(figure.locator(".dg-counter")).to_have_text(f"Step {last} of {last}")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getAnimations().length") == 0
    expect(figure.locator("svg .is-hidden")).to_have_count(0)
    for item in items.all():
        expect(item).to_be_visible()
    expect(figure.locator(".diagram-steps .is-future")).to_have_count(0)
    shoot(figure, diagram, f"{size}-reduced", "final")

    button(figure, "Previous step").click()
    expect(figure.locator(".dg-counter")).to_have_text(f"Step {last - 1} of {last}")
    button(figure, "Replay").click()
    expect(figure.locator(".dg-counter")).to_have_text(f"Step 1 of {last}")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate(RUNNING) == 0
    button(figure, "Pause").click()
    v.check(f"diagram-{diagram}")
    context.close()


@pytest.mark.parametrize("diagram", DIAGRAMS)
def test_without_javascript_the_diagram_is_complete_and_static(browser, live_server, diagram):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    figure, items = open_diagram(page, live_server.url, diagram)
    expect(figure.locator(".dg-controls")).to_be_hidden()
    expect(figure.locator("svg .is-hidden")).to_have_count(0)
    shapes = figure.locator("svg [data-from]")
    assert shapes.count() > 0
    for shape in shapes.all():
        assert shape.evaluate("el => getComputedStyle(el).opacity") == "1"
    for item in items.all():
        expect(item).to_be_visible()
    shoot(figure, diagram, "phone-nojs", "final")
    context.close()
