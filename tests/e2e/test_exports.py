"""A learner prepares an export, watches it finish in place, downloads it and their PDF report."""

import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from reports import exports
from reports.models import ExportJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-e2e"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_export_progress_updates_in_place_then_downloads(visitor, settings, tmp_path):
    settings.TASKS = DATABASE  # queued until the "worker" below runs it
    settings.MEDIA_ROOT = tmp_path
    v, base = visitor
    page = v.page
    User.objects.create_user("exporter-" + v.name, password=PASSWORD)
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("exporter-" + v.name)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Your progress")
    page.get_by_role("link", name="Your exports").click()
    v.check("exports-list")
    page.get_by_role("button", name="Prepare: Your xAPI statements (JSON lines)").click()
    expect(page.locator("#job-status")).to_contain_text("Waiting for a worker")
    v.check("export-queued")
    exports.run_job(ExportJob.objects.get().pk)  # what the worker does
    link = page.get_by_role("link", name="Download the file")
    expect(link).to_be_visible(timeout=6_000)  # swapped in by htmx polling, no reload
    v.check("export-done")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "study-hall-xapi.jsonl"

    page.goto(base + "/progress/")
    for label, filename in (
        ("Download as JSON", "study-hall-progress.json"),
        ("Download as CSV", "study-hall-progress.csv"),
    ):
        with page.expect_download() as download:
            page.get_by_role("link", name=label).click()
        assert download.value.suggested_filename == filename
        assert Path(download.value.path()).read_text(encoding="utf-8").strip()
    page.get_by_role("link", name="Progress report: chapter 8").click()
    expect(page.locator("h1")).to_have_text("Progress report")
    v.check("learner-report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.suggested_filename == "study-hall-networking-security-report.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", download.value.path(), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "exporter-" + v.name in text and "Page 1 of" in text
