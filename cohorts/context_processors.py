"""Whether to show the Teach link: looked up only when a page asks, once per request."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .roles import is_instructor


def teaching(request: HttpRequest) -> dict[str, object]:
    """`teaches`: true for signed-in instructors (lazy, so pages that never ask pay nothing)."""
    user = getattr(request, "user", None)
    return {"teaches": SimpleLazyObject(lambda: bool(user and is_instructor(user)))}
