"""Account changes: creating a learner, deleting an account with all its data."""

from django.contrib.auth.models import Group, User
from django.db import transaction

from .roles import LEARNER


@transaction.atomic
def create_learner(*, username: str, email: str, password: str) -> User:
    """A new account in the learner role."""
    user = User.objects.create_user(username=username, email=email, password=password)
    group, _ = Group.objects.get_or_create(name=LEARNER)
    user.groups.add(group)
    return user


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete the account; its progress rows go with it (on_delete=CASCADE)."""
    user.delete()
