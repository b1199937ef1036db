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
    from django_tasks_db.models import DBTaskResult

    purge = DBTaskResult.objects.get(task_path="reports.tasks.purge_exports")
    assert purge.status == "READY" and purge.run_after > job.expires_at  # comes back to delete it


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_queue_and_run_each_job_once(settings):
    settings.TASKS = DATABASE
    user = User.objects.create_user("wes", password="a-long-pass-phrase-w")
    jobs = [exports.create_job(user=user, kind=ExportKind.LEARNER_STATEMENTS) for _ in range(6)]
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
        "--interval",
        "0.1",
    ]
    workers = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    logs = [w.communicate(timeout=90)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), logs
    assert all(ExportJob.objects.get(pk=j.pk).status == JobStatus.DONE for j in jobs)
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 6
    assert sum(log.count("state=SUCCESSFUL") for log in logs) == 6, logs
