"""Export jobs: create, run (in the worker), retry, purge. Each kind is one builder function."""

import secrets
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import IO

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from .models import ExportJob, ExportKind, JobStatus

Progress = Callable[[int], None]
"""Reports how far a builder has got, 0-100."""
Builder = Callable[[ExportJob, Progress], tuple[str, bytes | IO[bytes]]]
"""Builds a job's file: (file name, content as bytes or as an open file to copy from)."""


def _learner_statements(job: ExportJob, progress: Progress) -> tuple[str, bytes]:
    from .xapi_learner import learner_statements, to_json_lines

    statements = learner_statements(job.user)
    progress(50)
    return "study-hall-xapi.jsonl", to_json_lines(statements).encode()


def _cohort(name: str) -> Builder:
    def build(job: ExportJob, progress: Progress) -> tuple[str, bytes | IO[bytes]]:
        from . import cohort_exports

        return getattr(cohort_exports, name)(job, progress)

    return build


BUILDERS: dict[str, Builder] = {
    ExportKind.LEARNER_STATEMENTS: _learner_statements,
    ExportKind.COHORT_PDF: _cohort("cohort_pdf"),
    ExportKind.COHORT_LEARNER_PDFS: _cohort("learner_pdfs"),
    ExportKind.COHORT_STATEMENTS: _cohort("cohort_statements"),
}


@transaction.atomic
def create_job(*, user: object, kind: ExportKind, subject: str = "") -> ExportJob:
    """A queued job, handed to the worker when this transaction commits."""
    job = ExportJob.objects.create(
        public_id=secrets.token_urlsafe(12),
        user=user,
        kind=kind,
        subject=subject,
        created_at=timezone.now(),
    )
    _enqueue(job)
    return job


@transaction.atomic
def retry_job(*, job: ExportJob) -> bool:
    """Queue a failed job again; False if it had not failed."""
    updated = ExportJob.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
        status=JobStatus.QUEUED, progress=0, error="", finished_at=None
    )
    if updated:
        _enqueue(job)
    return bool(updated)


def _enqueue(job: ExportJob) -> None:
    from .tasks import run_export

    transaction.on_commit(lambda: run_export.enqueue(job.pk))


def run_job(job_id: int) -> datetime | None:
    """Build the job's file, reporting progress; returns when it expires. Failures are recorded."""
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    if job.status == JobStatus.DONE:
        return None
    _set(job, status=JobStatus.RUNNING, progress=0)
    try:
        name, content = BUILDERS[job.kind](job, lambda p: _set(job, progress=max(0, min(p, 99))))
    except Exception as error:
        _set(
            job,
            status=JobStatus.FAILED,
            error=f"{type(error).__name__}: {error}"[:500],
            finished_at=timezone.now(),
        )
        raise
    stored = ContentFile(content) if isinstance(content, bytes) else File(content)
    try:
        job.file.save(f"{job.public_id}-{name}", stored, save=False)
    finally:
        if not isinstance(content, bytes):
            content.close()
    now = timezone.now()
    expires_at = now + timedelta(hours=settings.STUDYHALL_EXPORT_TTL_HOURS)
    _set(
        job,
        status=JobStatus.DONE,
        progress=100,
        file=job.file.name,
        finished_at=now,
        expires_at=expires_at,
    )
    return expires_at


def _set(job: ExportJob, **fields: object) -> None:
    ExportJob.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        if name != "file":
            setattr(job, name, value)


def expired(now: object | None = None) -> Iterator[ExportJob]:
    """Jobs whose files have expired."""
    return ExportJob.objects.filter(expires_at__lte=now or timezone.now()).iterator()


def purge_expired() -> int:
    """Delete expired files and their jobs; returns how many."""
    count = 0
    for job in expired():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count


def download_name(job: ExportJob) -> str:
    """The file name the browser saves (no job id, no path)."""
    return job.file.name.rsplit("/", 1)[-1].removeprefix(f"{job.public_id}-")
