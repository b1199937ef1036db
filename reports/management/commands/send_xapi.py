"""Send every due xAPI statement in the outbox to the LRS now."""

from django.core.management.base import BaseCommand

from reports import outbox


class Command(BaseCommand):
    """`manage.py send_xapi`: what the send task does, batch after batch, in the foreground."""

    help = "Send due xAPI statements from the outbox to the configured LRS."

    def handle(self, *args: object, **options: object) -> None:
        """Send, then say how many went and how many still wait."""
        if not outbox.enabled():
            self.stderr.write(
                "No LRS configured: set XAPI_LRS_URL, XAPI_LRS_USERNAME, XAPI_LRS_PASSWORD."
            )
            return
        sent = outbox.send_all()
        self.stdout.write(f"Sent {sent} statements; {outbox.pending()} still waiting.")
