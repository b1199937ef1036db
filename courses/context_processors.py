"""Template context shared by every page."""

from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    """The site's name, for the header and page titles."""
    return {"site_name": "Study Hall"}
