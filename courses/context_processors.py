"""Template context shared by every page."""

from functools import cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.templatetags.static import static
from django_htmx.jinja import htmx_script


@cache
def static_assets() -> dict[str, str]:
    """Hashed asset URLs and htmx's script tag, worked out once per process, not per page."""
    return {
        "css": static("css/site.css"),
        "icon": static("img/favicon.svg"),
        "htmx_script": htmx_script(version=2, minified=True),
    }


@receiver(setting_changed)
def _forget_assets(*, setting: str, **kwargs: object) -> None:
    if setting in {"STORAGES", "STATIC_URL", "DEBUG"}:
        static_assets.cache_clear()


def site(request: HttpRequest) -> dict[str, object]:
    """The site's name and static assets, for the page head and header."""
    return {"site_name": "Study Hall", "assets": static_assets()}
