"""Export jobs: start, progress by htmx polling, download by the owner only, failure and retry."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from reports import exports
from reports.models import ExportJob, ExportKind, JobStatus

from .conftest import DATABASE

PASSWORD = "a-long-pass-phrase-x"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_on_commit(monkeypatch):
    """Hand jobs to the task backend at once: test transactions never commit."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda fn, using=None: fn())


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("ria", password=PASSWORD)
    client.force_login(user)
    return user


def other_client() -> Client:
    other = Client()
    other.force_login(User.objects.create_user("sam", password=PASSWORD))
    return other


def start(client) -> ExportJob:
    response = client.post("/exports/new/", {"kind": ExportKind.LEARNER_STATEMENTS})
    assert response.status_code == 302
    return ExportJob.objects.get(public_id=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_finished_export_offers_a_download_of_the_learners_statements(client, learner):
    client.post("/chapters/networking-security/hpc-networking/complete/")
    job = start(client)
    page = client.get(f"/exports/{job.public_id}/").content.decode()
    assert "Download the file" in page and "data-hx-trigger" not in page
    response = client.get(f"/exports/{job.public_id}/download/")
    assert response.status_code == 200
    assert 'filename="study-hall-xapi.jsonl"' in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode().splitlines()
    verbs = [json.loads(line)["verb"]["display"]["en-US"] for line in lines]
    assert "completed" in verbs


def test_queued_job_polls_every_two_seconds_and_has_a_refresh_link(client, learner, settings):
    settings.TASKS = DATABASE  # queued for a worker that is not running
    job = start(client)
    page = client.get(f"/exports/{job.public_id}/").content.decode()
    assert 'data-hx-trigger="every 2s"' in page and "Waiting for a worker" in page
    assert f'href="/exports/{job.public_id}/">refresh</a>' in page
    partial = client.get(f"/exports/{job.public_id}/", headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert body.lstrip().startswith('<div id="job-status"') and "<html" not in body
    ExportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=40)
    body = client.get(f"/exports/{job.public_id}/", headers={"HX-Request": "true"}).content
    assert b'value="40"' in body and b"40% built" in body and b"Building your file" in body


def test_another_users_job_page_download_and_retry_are_404(client, learner):
    job = start(client)
    other = other_client()
    assert other.get(f"/exports/{job.public_id}/").status_code == 404
    assert other.get(f"/exports/{job.public_id}/download/").status_code == 404
    assert other.post(f"/exports/{job.public_id}/retry/").status_code == 404


def test_signed_out_visitor_is_sent_to_log_in(client):
    assert Client().get("/exports/").status_code == 302


def test_unknown_kind_is_refused_with_a_message(client, learner):
    response = client.post("/exports/new/", {"kind": "everything"})
    assert response.status_code == 422
    assert b"Unknown kind of export." in response.content


def test_failed_job_shows_failed_with_a_retry_that_finishes_it(client, learner, monkeypatch):
    real = exports.BUILDERS[ExportKind.LEARNER_STATEMENTS]

    def broken(job, progress):
        raise RuntimeError("disk full")

    monkeypatch.setitem(exports.BUILDERS, ExportKind.LEARNER_STATEMENTS, broken)
    job = start(client)
    page = client.get(f"/exports/{job.public_id}/").content.decode()
    assert "This export failed: RuntimeError: disk full" in page and "Try again" in page
    assert "data-hx-trigger" not in page  # failed is final: polling stops
    monkeypatch.setitem(exports.BUILDERS, ExportKind.LEARNER_STATEMENTS, real)
    assert client.post(f"/exports/{job.public_id}/retry/").status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress == 100


def test_download_name_keeps_no_job_id_even_with_dashes_in_it(client, learner):
    job = start(client)
    ExportJob.objects.filter(pk=job.pk).update(public_id="a-b-c")
    job.refresh_from_db()
    job.file.name = "exports/a-b-c-study-hall-xapi.jsonl"
    assert exports.download_name(job) == "study-hall-xapi.jsonl"


def test_expired_file_is_gone_and_purged(client, learner):
    job = start(client)
    job.refresh_from_db()
    path = job.file.path
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/exports/{job.public_id}/download/").status_code == 404
    assert "has expired" in client.get(f"/exports/{job.public_id}/").content.decode()
    assert exports.purge_expired() == 1
    assert not ExportJob.objects.filter(pk=job.pk).exists()
    import os

    assert not os.path.exists(path)


def test_statements_download_link_on_your_progress(client, learner):
    page = client.get("/progress/").content.decode()
    assert 'href="/exports/statements.jsonl"' in page
    response = client.get("/exports/statements.jsonl")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/x-ndjson"
    )
