"""Remove guest attempts and guest progress rows that no guest can reach any more."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from courses.models import PracticeMark, SectionProgress
from quiz.models import Attempt


def active_keys(since: object) -> list[QuerySet]:
    """Subqueries of guest keys with any activity since `since`."""
    guests = {"user__isnull": True}
    return [
        Attempt.objects.filter(Q(started_at__gte=since) | Q(submitted_at__gte=since), **guests),
        SectionProgress.objects.filter(
            Q(opened_at__gte=since) | Q(completed_at__gte=since), **guests
        ),
        PracticeMark.objects.filter(updated_at__gte=since, **guests),
    ]


@transaction.atomic
def purge(*, days: int) -> dict[str, int]:
    """Delete every row of guests idle for `days` days; counts by table."""
    since = timezone.now() - timedelta(days=days)
    keys = [q.values("guest_key") for q in active_keys(since)]
    counts = {}
    for label, model in (
        ("attempts", Attempt),
        ("section progress rows", SectionProgress),
        ("practice marks", PracticeMark),
    ):
        rows = model.objects.filter(user__isnull=True)
        for active in keys:
            rows = rows.exclude(guest_key__in=active)
        counts[label] = rows.count()
        rows.delete()
    return counts


class Command(BaseCommand):
    """`purge_guests [--days N]`: run daily (see README, Running in production)."""

    help = "Remove guest attempts and progress of guests idle for N days (default 30)."

    def add_arguments(self, parser: CommandParser) -> None:
        """--days."""
        parser.add_argument("--days", type=int, default=30, help="Retention in days (30).")

    def handle(self, *args: object, days: int, **options: object) -> None:
        """Purge and print the counts."""
        session_days = -(-settings.SESSION_COOKIE_AGE // 86400)
        if days < session_days:
            raise CommandError(
                f"--days must be at least {session_days}: a guest's session lasts that long, "
                "and their progress with it."
            )
        counts = purge(days=days)
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(f"Removed {summary} of guests idle for {days} days.")
