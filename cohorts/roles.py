"""The instructor role: a Django group staff grant in the admin or with grant_instructor."""

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.http import HttpRequest

from accounts.roles import INSTRUCTOR

TEACHES_KEY = "sh_teaches"
"""Session key holding the id of the signed-in instructor, so the header's Teach link costs no
query; set at login and refreshed on every instructor page."""


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


def remember_role(request: HttpRequest) -> bool:
    """Look the role up once and note it in the session for the header; returns it."""
    teaches = is_instructor(request.user)
    wanted = request.user.pk if teaches else None
    if request.session.get(TEACHES_KEY) != wanted:  # write the session only when it changes
        request.session[TEACHES_KEY] = wanted
    return teaches


def shows_teach_link(request: HttpRequest) -> bool:
    """Whether the header shows Teach: from the session, without a query."""
    return request.user.is_authenticated and request.session.get(TEACHES_KEY) == request.user.pk
