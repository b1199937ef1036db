"""Template context shared by every page."""

from functools import cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django_htmx.jinja import htmx_script


@cache
def static_assets() -> dict[str, str]:
    """Hashed asset URLs and htmx's script tag, worked out once per process, not per page."""
    return {
        "css": static("css/site.css"),
        "icon": static("img/favicon.svg"),
        "csrf_js": static("js/csrf.js"),
        "reading_log_js": static("js/reading-log.js"),
        "htmx_script": htmx_script(version=2, minified=True),
    }


@cache
def site_links() -> dict[str, str]:
    """URLs every page links to, reversed once per process instead of on every render."""
    names = {
        "home": "courses:home",
        "progress": "courses:progress",
        "login": "login",
        "signup": "signup",
        "logout": "logout",
        "csrf": "courses:csrf_token",
    }
    return {key: reverse(name) for key, name in names.items()}


@receiver(setting_changed)
def _forget_assets(*, setting: str, **kwargs: object) -> None:
    if setting in {"STORAGES", "STATIC_URL", "DEBUG"}:
        static_assets.cache_clear()
    if setting == "ROOT_URLCONF":
        site_links.cache_clear()


def site(request: HttpRequest) -> dict[str, object]:
    """The site's name, static assets and common links, for the page head and header."""
    return {"brand_name": "Study Hall", "assets": static_assets(), "links": site_links()}
