"""Background tasks (django-tasks): building exports, sending xAPI statements, purging files."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import exports, outbox


@task()
def run_export(job_id: int) -> None:
    """Build one export job's file."""
    exports.run_job(job_id)


@task()
def purge_exports() -> int:
    """Delete expired export files."""
    return exports.purge_expired()


@task()
def send_statements() -> int:
    """Send one batch of waiting statements; schedule the next batch or a retry with backoff."""
    result = outbox.send_batch()
    if result.more:
        send_statements.enqueue()
    elif result.retry_in is not None:
        when = timezone.now() + timedelta(seconds=result.retry_in)
        send_statements.using(run_after=when).enqueue()
    return result.sent
