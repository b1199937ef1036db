"""`manage.py grant_instructor USERNAME [--revoke]`: give or take the instructor role."""

from argparse import ArgumentParser

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from cohorts.roles import set_instructor


class Command(BaseCommand):
    """Grant or revoke the instructor role."""

    help = "Give an account the instructor role (or take it away with --revoke)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="Take the role away.")

    def handle(self, *args: object, username: str, revoke: bool, **options: object) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account with username {username!r}.")
        set_instructor(user=user, instructor=not revoke)
        verb = "no longer has" if revoke else "now has"
        self.stdout.write(f"{username} {verb} the instructor role.")
