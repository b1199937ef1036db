"""System check: the server does not start on broken content."""

from django.core.checks import Error, register

from .catalog import get_course
from .content import ContentError


@register("content")
def content_is_valid(app_configs: object, **kwargs: object) -> list[Error]:
    """One error per content problem, each `path:line: message`."""
    try:
        get_course()
    except ContentError as exc:
        return [Error(str(problem), id="courses.E001") for problem in exc.problems]
    return []
