"""Lighthouse on the reading pages: accessibility, best practices and SEO at 100.

Runs where Lighthouse is installed (`npm i -E lighthouse@12.2.3`, Node 20; it drives Debian's
Chromium): set LIGHTHOUSE to its executable, or have node_modules/.bin/lighthouse. Performance is
printed, not asserted: the test server is not the production stack and the machine is shared.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = os.environ.get("LIGHTHOUSE") or shutil.which(
    "lighthouse", path=str(ROOT / "node_modules/.bin")
)
PAGES = [
    "/",
    "/chapters/networking-security/",
    "/chapters/networking-security/hpc-networking/",
    "/guides/k8s-gpu-security/",
]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not LIGHTHOUSE, reason="Lighthouse is not installed (set LIGHTHOUSE)"),
]


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
@pytest.mark.parametrize("url", PAGES)
def test_reading_pages_score_100_in_lighthouse(live_server, tmp_path, url, preset):
    report = tmp_path / "report.json"
    command = [LIGHTHOUSE, live_server.url + url, "--quiet", f"--chrome-flags={FLAGS}"]
    command += ["--output=json", f"--output-path={report}"]
    command += ["--preset=desktop"] if preset == "desktop" else []
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, timeout=180, capture_output=True)
    result = json.loads(report.read_text())
    assert result.get("runtimeError") is None, result["runtimeError"]
    scores = {k: round(c["score"] * 100) for k, c in result["categories"].items()}
    print(url, preset, scores)
    failing = {
        k: [a["id"] for a in _failed_audits(result, k)]
        for k in ("accessibility", "best-practices", "seo")
        if scores[k] < 100
    }
    assert failing == {}, f"{url} ({preset}): {scores}, failing audits {failing}"


def _failed_audits(result: dict, category: str) -> list[dict]:
    refs = result["categories"][category]["auditRefs"]
    audits = (result["audits"][r["id"]] for r in refs if r["weight"])
    return [a for a in audits if a["score"] is not None and a["score"] < 1]
