"""A real `db_worker` process runs a queued export from the database backend."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from reports import exports
from reports.models import ExportJob, ExportKind, JobStatus

from .conftest import DATABASE

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The test database, as the worker process must see it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_builds_a_queued_export(settings):
    settings.TASKS = DATABASE
    user = User.objects.create_user("wren", password="a-long-pass-phrase-w")
    job = exports.create_job(user=user, kind=ExportKind.LEARNER_STATEMENTS)
    assert ExportJob.objects.get(pk=job.pk).status == JobStatus.QUEUED
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "1",
        "STUDYHALL_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--max-tasks",
        "5",
    ]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress == 100
    assert Path(settings.MEDIA_ROOT, job.file.name).exists()
