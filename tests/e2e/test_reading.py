"""A reader walks the whole course in a real browser, at phone and desktop width."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = [
    "High-Performance Networking for Distributed Training",
    "Network Policies and Isolation",
    "Security Best Practices",
    "Data Security and Compliance",
]


def test_reader_walks_home_chapter_sections_glossary_and_guide(visitor):
    v, base = visitor
    page = v.page
    page.goto(base + "/")
    expect(page.locator("h1")).to_contain_text("AI Infrastructure")
    v.check("home")

    page.get_by_role("link", name="Networking and Security for AI Workloads").first.click()
    expect(page.locator("h1")).to_have_text("Networking and Security for AI Workloads")
    v.check("chapter")

    page.get_by_role("link", name=re.compile("^Start with section 1")).click()
    for number, title in enumerate(SECTIONS, 1):
        expect(page.locator("h1")).to_have_text(title)
        expect(page.get_by_role("heading", name="Key takeaway")).to_be_visible()
        v.check(f"section-{number}")
        if number < len(SECTIONS):
            page.locator("a[rel=next]").click()

    page.locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_have_text(SECTIONS[2])
    page.locator("a[rel=next]").click()
    page.locator(".pager-next").click()
    expect(page.locator("h1")).to_have_text("Key terms")
    expect(page.locator(".term-entry")).to_have_count(34)
    v.check("glossary")

    page.get_by_role("link", name="Study Hall").click()  # the brand: home, on a phone too
    page.get_by_role("link", name=re.compile("Container and Kubernetes security")).click()
    expect(page.locator("h1")).to_contain_text("Container and Kubernetes security")
    for summary in page.locator("summary").all():
        summary.click()
    expect(page.locator("details[open]")).to_have_count(2)
    expect(page.locator(".sample-answer").first).to_be_visible()
    v.check("guide")


def test_a_term_opens_its_definition_in_place_and_leads_to_the_glossary(visitor):
    v, base = visitor
    page = v.page
    page.goto(base + "/chapters/networking-security/hpc-networking/")
    term = page.get_by_role("button", name="Remote Direct Memory Access")
    tip = page.locator("#tip-rdma")
    expect(tip).to_be_hidden()
    term.click()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("without involving the remote CPU")
    width = page.viewport_size["width"]
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= term.bounding_box()["y"], "the definition opens below the term"
    v.check("term-definition-open")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    term.click()
    tip.get_by_role("link", name="Glossary entry").click()
    expect(page).to_have_url(re.compile(r"/glossary/#term-rdma$"))
    expect(page.locator("#term-rdma")).to_contain_text("Remote Direct Memory Access")


def test_without_javascript_a_term_still_opens_its_definition(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/chapters/networking-security/security-practices/")
    page.get_by_role("button", name="taint", exact=True).click()
    tip = page.locator("#tip-taint")
    expect(tip).to_be_visible()
    tip.get_by_role("link", name=re.compile("^Taught in section 3")).click()
    expect(page).to_have_url(re.compile(r"/security-practices/#gpu-node-taints-and-tolerations$"))
    context.close()


def test_keyboard_reader_skips_to_content_with_visible_focus(visitor):
    v, base = visitor
    page = v.page
    page.goto(base + "/chapters/networking-security/network-policies/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    assert skip.bounding_box()["y"] >= 0  # it moves on screen when focused
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused


def test_unknown_page_is_a_friendly_404(visitor):
    v, base = visitor
    response = v.page.goto(base + "/chapters/networking-security/no-such-section/")
    assert response.status == 404
    expect(v.page.locator("h1")).to_have_text("We couldn't find that page")
    v.errors.clear()  # the 404 status itself is logged by Chromium as a console error
    v.check("404")


def test_code_block_copy_button_copies_the_code(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    v = Visitor(page, "phone-copy")
    page.goto(f"{live_server.url}/chapters/networking-security/network-policies/")
    button = page.locator(".codeblock .copy-button").first
    button.scroll_into_view_if_needed()
    button.click()
    expect(button).to_have_text("Copied")
    assert "apiVersion" in page.evaluate("navigator.clipboard.readText()")
    v.check("code-copied")
    context.close()
