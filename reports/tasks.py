"""Background tasks (django-tasks): building exports, sending xAPI statements, purging files."""

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task
from django_tasks.base import Task

from . import exports, outbox


def later(job: Task, when: datetime) -> None:
    """Enqueue `job` to run at `when` (backends that cannot defer, like the immediate one, skip)."""
    if default_task_backend.supports_defer:
        job.using(run_after=when).enqueue()


@task()
def run_export(job_id: int) -> None:
    """Build one export job's file, and come back to delete it when it expires."""
    expires_at = exports.run_job(job_id)
    if expires_at:
        later(purge_exports, expires_at + timedelta(seconds=1))


@task()
def purge_exports() -> int:
    """Delete expired export files (and sent outbox rows older than a week)."""
    outbox.forget_sent(older_than=timedelta(days=7))
    return exports.purge_expired()


@task()
def send_statements() -> int:
    """Send one batch of waiting statements; schedule the next batch or a retry with backoff."""
    result = outbox.send_batch()
    if result.more:
        send_statements.enqueue()
    elif result.retry_in is not None:
        later(send_statements, timezone.now() + timedelta(seconds=result.retry_in))
    return result.sent


@task()
def refresh_cohort_report(cohort_id: int, chapter_id: str) -> None:
    """Compute a cohort's report after new activity, so the overview's next poll shows it."""
    from .cohort_cache import refresh

    refresh(cohort_id, chapter_id, timezone.now())
