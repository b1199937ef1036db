"""Browser tests: Playwright on Debian's Chromium, axe-core and CSP checks on every page."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        raise pytest.UsageError(f"CI: Chromium not found at {CHROMIUM}; browser tests cannot run")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "e2e" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


class Visitor:
    """A page plus the console errors it has logged; checks each page it lands on."""

    def __init__(self, page, name: str) -> None:
        self.page = page
        self.name = name
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def check(self, label: str) -> None:
        """Zero axe violations, zero console (CSP) errors; save a screenshot."""
        self.page.wait_for_load_state("load")
        result = Axe().run(self.page)
        assert result.violations_count == 0, f"{label}: {result.generate_report()}"
        assert self.errors == [], f"{label}: console errors {self.errors}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{self.name}-{label}.png"), full_page=True)


@pytest.fixture(
    params=[("desktop", "light"), ("phone", "dark"), ("desktop", "dark"), ("phone", "light")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def visitor(request, browser, live_server):
    size, scheme = request.param
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Visitor(page, f"{size}-{scheme}"), live_server.url
    context.close()
