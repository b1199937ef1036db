"""An instructor downloads every cohort file from the overview: the CSVs and JSON at once, the
cohort PDF, every learner's PDF (zip) and the statements through jobs that finish in place."""

import csv
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cohorts.seeding import seed_cohort
from reports import exports
from reports.cohort_files import ITEM_COLUMNS, LEARNER_COLUMNS, SECTION_COLUMNS
from reports.cohort_responses import RESPONSE_COLUMNS
from reports.models import ExportJob

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LEARNERS = 6


def download(page, link) -> tuple[str, bytes]:
    """Click a download link; the suggested file name and the bytes."""
    with page.expect_download() as started:
        link.click()
    return started.value.suggested_filename, Path(started.value.path()).read_bytes()


def header(content: bytes) -> list[str]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return next(csv.reader(io.StringIO(text[1:])))


def job_file(v, button: str) -> tuple[str, bytes]:
    """Prepare a job from the overview, let the worker run it, download it from its page."""
    page = v.page
    page.get_by_role("button", name=button).click()
    expect(page.locator("#job-status")).to_contain_text("Waiting for a worker")
    exports.run_job(ExportJob.objects.order_by("-pk").first().pk)  # what the worker does
    link = page.get_by_role("link", name="Download the file")
    expect(link).to_be_visible(timeout=8_000)  # swapped in by htmx polling
    return download(page, link)


def test_an_instructor_downloads_every_cohort_file(visitor, settings, tmp_path):
    settings.TASKS = DATABASE
    settings.MEDIA_ROOT = tmp_path
    v, base = visitor
    page = v.page
    seeded = seed_cohort(learners=LEARNERS, seed=5)
    cohort = seeded.cohort
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill(seeded.username)
    page.locator("#id_password").fill(seeded.password)
    page.get_by_role("button", name="Log in").click()
    overview = f"{base}/teach/cohorts/{cohort.pk}/overview/"
    page.goto(overview)
    files = page.locator("section[aria-labelledby=files-heading]")
    expect(files).to_contain_text("Prepare in the background")
    v.check("cohort-files")

    expected = {
        "learners.csv": LEARNER_COLUMNS,
        "responses.csv": RESPONSE_COLUMNS,
        "sections.csv": SECTION_COLUMNS,
    }
    for name, columns in expected.items():
        saved, content = download(page, files.get_by_role("link", name=name, exact=True))
        assert saved == f"cohort-{cohort.pk}-networking-security-{name}"
        assert header(content) == columns
    _, items = download(page, files.get_by_role("link", name="items.csv", exact=True))
    assert header(items)[: len(ITEM_COLUMNS)] == ITEM_COLUMNS
    _, summary = download(page, files.get_by_role("link", name="summary.json"))
    assert json.loads(summary)["figures"]["enrolled"] == LEARNERS
    saved, anonymized = download(page, files.get_by_role("link", name="anonymized").first)
    assert "anonymized" in saved and b"L01" in anonymized

    name, pdf = job_file(v, "Prepare: Cohort report (PDF)")
    v.check("cohort-job-done")
    assert name == f"cohort-{cohort.pk}-networking-security-report.pdf"
    (tmp_path / "cohort.pdf").write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "cohort.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert cohort.name in text and "Definitions and small-number rules" in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3"]
    target = str(ARTIFACTS / f"{v.name}-cohort-pdf")
    subprocess.run([*pages, str(tmp_path / "cohort.pdf"), target], check=True)

    page.goto(overview)
    name, archive = job_file(v, "Prepare: Every learner's progress report (PDFs in a zip)")
    assert name.endswith("-learner-reports.zip")
    entries = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert len(entries) == LEARNERS and all(e.endswith(".pdf") and "/" not in e for e in entries)

    page.goto(overview)
    name, statements = job_file(v, "Prepare: The cohort's xAPI statements (JSON lines)")
    assert name == f"cohort-{cohort.pk}-xapi.jsonl"
    assert all(json.loads(line)["verb"]["id"] for line in statements.decode().splitlines())

    page.goto(overview)
    recent = page.locator("section[aria-labelledby=files-heading]")
    expect(recent).to_contain_text("Your recent files for this cohort")
    expect(recent.get_by_role("listitem").filter(has_text="ready")).to_have_count(3)
