"""Delete export files past their expiry time."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from reports.exports import purge_expired
from reports.outbox import forget_sent


class Command(BaseCommand):
    """`manage.py purge_exports`: run it hourly (cron or systemd timer)."""

    help = "Delete expired export files and their jobs, and week-old sent xAPI outbox rows."

    def handle(self, *args: object, **options: object) -> None:
        """Purge and report how many went."""
        self.stdout.write(f"Deleted {purge_expired()} expired exports.")
        self.stdout.write(f"Forgot {forget_sent(older_than=timedelta(days=7))} sent statements.")
