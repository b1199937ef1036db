"""The instructor role: a Django group staff grant in the admin or with grant_instructor."""

from django.contrib.auth.models import Group, User
from django.db import transaction

from accounts.roles import INSTRUCTOR


def is_instructor(user: User) -> bool:
    """Whether this account has the instructor role."""
    return user.is_authenticated and user.groups.filter(name=INSTRUCTOR).exists()


@transaction.atomic
def set_instructor(*, user: User, instructor: bool) -> None:
    """Grant (or revoke) the instructor role."""
    group, _ = Group.objects.get_or_create(name=INSTRUCTOR)
    if instructor:
        user.groups.add(group)
    else:
        user.groups.remove(group)
