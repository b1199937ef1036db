"""Whether the header shows the Teach link (read from the session, so it costs no query)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .roles import shows_teach_link


def teaching(request: HttpRequest) -> dict[str, object]:
    """`teaches`: true for signed-in instructors."""
    return {"teaches": SimpleLazyObject(lambda: shows_teach_link(request))}
