"""Delete export files past their expiry time."""

from django.core.management.base import BaseCommand

from reports.exports import purge_expired


class Command(BaseCommand):
    """`manage.py purge_exports`: run it hourly (cron or systemd timer)."""

    help = "Delete expired export files and their jobs."

    def handle(self, *args: object, **options: object) -> None:
        """Purge and report how many went."""
        self.stdout.write(f"Deleted {purge_expired()} expired exports.")
