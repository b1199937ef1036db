"""Account changes: creating a learner, deleting an account with all its data."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction

from reports import hooks

from .roles import LEARNER


def create_learner(*, username: str, email: str, password: str) -> User:
    """A new account in the learner role."""
    # Hash first: the slow hash must not hold SQLite's write lock while other sign-ups wait.
    hashed = make_password(password)
    with transaction.atomic():
        user = User.objects.create(
            username=username, email=User.objects.normalize_email(email), password=hashed
        )
        group, _ = Group.objects.get_or_create(name=LEARNER)
        user.groups.add(group)
    return user


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete the account; its progress rows go with it (on_delete=CASCADE)."""
    hooks.cohorts_see(user.pk)
    user.delete()
