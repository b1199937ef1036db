"""The xAPI outbox: statements written with their event, sent to the LRS later by a task."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .lrs import Lrs, LrsError, post_batch, put_one
from .models import OutboxStatement

LEASE = timedelta(minutes=2)
"""How long a sender owns the rows it claimed (another worker takes them over after)."""
MAX_BACKOFF = 3600


def enabled() -> bool:
    """An LRS is configured (URL and credentials)."""
    return bool(settings.XAPI_LRS_URL and settings.XAPI_LRS_USERNAME and settings.XAPI_LRS_PASSWORD)


def queue(statements: list[dict]) -> None:
    """Write statements to the outbox in the caller's transaction; wake the sender on commit.

    Does nothing without an LRS. A statement already queued (same id) is not queued again.
    """
    if not enabled() or not statements:
        return
    now = timezone.now()
    OutboxStatement.objects.bulk_create(
        [
            OutboxStatement(statement_id=s["id"], statement=s, created_at=now, next_try_at=now)
            for s in statements
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(_wake_sender)


def _wake_sender() -> None:
    from .tasks import send_statements

    send_statements.enqueue()


def backoff(tries: int) -> int:
    """Seconds before the next try after `tries` failures: 2, 4, 8, ... up to an hour."""
    return min(2**tries, MAX_BACKOFF)


@dataclass(frozen=True, kw_only=True)
class SendResult:
    """What one batch did."""

    sent: int
    more: bool
    """More statements are ready to send now."""
    retry_in: int | None
    """Set when the batch failed: seconds until its statements are tried again."""


def _claim(now: object) -> list[OutboxStatement]:
    """Lease a batch of due rows to this sender (short transaction: never held while sending)."""
    with transaction.atomic():
        due = OutboxStatement.objects.filter(sent_at__isnull=True, next_try_at__lte=now).exclude(
            claimed_until__gt=now
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        rows = list(due.order_by("id")[: settings.XAPI_BATCH_SIZE])
        OutboxStatement.objects.filter(pk__in=[r.pk for r in rows]).update(
            claimed_until=now + LEASE
        )
    return rows


def _lrs() -> Lrs:
    return Lrs(
        url=settings.XAPI_LRS_URL,
        username=settings.XAPI_LRS_USERNAME,
        password=settings.XAPI_LRS_PASSWORD,
        timeout=settings.XAPI_LRS_TIMEOUT,
    )


def _deliver(lrs: Lrs, rows: list[OutboxStatement]) -> None:
    """Send a batch; on 409 (some already stored) send one by one, where 409 means stored."""
    if post_batch(lrs, [r.statement for r in rows]) == 409:
        for row in rows:
            put_one(lrs, row.statement)


def send_batch() -> SendResult:
    """Send one batch of due statements; mark them sent, or schedule a retry with backoff."""
    rows = _claim(timezone.now())
    if not rows:
        return SendResult(sent=0, more=False, retry_in=None)
    ids = [r.pk for r in rows]
    try:
        _deliver(_lrs(), rows)
    except LrsError as error:
        tries = max(r.tries for r in rows) + 1
        OutboxStatement.objects.filter(pk__in=ids).update(
            tries=tries,
            next_try_at=timezone.now() + timedelta(seconds=backoff(tries)),
            claimed_until=None,
            last_error=str(error)[:500],
        )
        return SendResult(sent=0, more=False, retry_in=backoff(tries))
    OutboxStatement.objects.filter(pk__in=ids).update(
        sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    now = timezone.now()
    due = OutboxStatement.objects.filter(sent_at__isnull=True, next_try_at__lte=now)
    more = due.exclude(claimed_until__gt=now).exists()
    return SendResult(sent=len(rows), more=more, retry_in=None)


def send_all() -> int:
    """Send every due statement now, batch after batch (stops at the first failure)."""
    total = 0
    while True:
        result = send_batch()
        total += result.sent
        if not result.more:
            return total


def pending() -> int:
    """Statements not yet sent."""
    return OutboxStatement.objects.filter(sent_at__isnull=True).count()


def forget_sent(*, older_than: timedelta) -> int:
    """Delete rows the LRS has had for a while; a later repeat is sent again and kept once there."""
    cutoff = timezone.now() - older_than
    return OutboxStatement.objects.filter(sent_at__lt=cutoff).delete()[0]
