"""`manage.py seed_cohort --learners N [--seed S] [--force]`: a cohort of simulated learners."""

from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from cohorts.models import Cohort
from cohorts.seeding import DEMO_PREFIX, Seeded, reset_password, seed_cohort


class Command(BaseCommand):
    """Seed an instructor, a cohort and N learners with realistic, varied data."""

    help = (
        "Create an instructor (printed password), a cohort and N simulated learners for demos "
        "and benchmarks. Refuses unless DEBUG is on, or --force is given."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--learners", type=int, required=True, help="How many learners.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument(
            "--unless-seeded",
            action="store_true",
            help="If a demo cohort exists, only give its instructor a new password (make demo).",
        )

    def handle(
        self,
        *args: object,
        learners: int,
        seed: int,
        force: bool,
        unless_seeded: bool,
        **options: object,
    ) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(
                "seed_cohort writes made-up learners: it runs only with DEBUG on "
                "(DJANGO_DEBUG=1), or with --force if you really mean this database."
            )
        if not 1 <= learners <= 200_000:
            raise CommandError("--learners must be between 1 and 200000.")
        existing = Cohort.objects.filter(name__startswith=DEMO_PREFIX).order_by("id").first()
        if unless_seeded and existing is not None:
            self.stdout.write(
                f"Already seeded: {existing.name}. A new password for its instructor."
            )
            self._report(reset_password(existing))
            return
        self._report(seed_cohort(learners=learners, seed=seed))

    def _report(self, seeded: Seeded) -> None:
        """Print how to sign in and where to look."""
        overview = reverse("cohorts:cohort", args=[seeded.cohort.pk]) + "overview/"
        self.stdout.write(f"Cohort: {seeded.cohort.name} (join code {seeded.cohort.join_code})")
        self.stdout.write(f"Instructor username: {seeded.username}")
        self.stdout.write(f"Instructor password: {seeded.password}")
        self.stdout.write(f"Cohort overview: {overview}")
