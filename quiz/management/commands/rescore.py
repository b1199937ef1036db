"""`manage.py rescore [--dry-run]`: recount stored scores over the questions still in the course."""

from argparse import ArgumentParser

from django.core.management.base import BaseCommand

from courses.catalog import get_course
from quiz.rescoring import rescore


class Command(BaseCommand):
    """Recount every submitted attempt and print each score that changes."""

    help = (
        "Recount submitted attempts over the questions still in the course (a removed question "
        "stops counting) and print each change; --dry-run only prints."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        """--dry-run."""
        parser.add_argument("--dry-run", action="store_true", help="Print, change nothing.")

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        """Rescore and report."""
        changes = rescore(course=get_course(), dry_run=dry_run)
        for c in changes:
            self.stdout.write(f"{c.attempt}: {c.old[0]}/{c.old[1]} -> {c.new[0]}/{c.new[1]}")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{len(changes)} attempt score(s) {verb}.")
