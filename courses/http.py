"""Cache headers: reading pages are shared by untracked readers; a learner's own data never is."""

import hashlib
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition

from .catalog import get_course

SHARED_MAX_AGE = 300  # seconds a browser or shared cache may reuse a reading page unasked
PERSONAL_PATHS = ("/progress/", "/accounts/", "/quiz/")

View = Callable[..., HttpResponse]


def is_tracked(request: HttpRequest) -> bool:
    """Does this request carry a learner's or a tracked guest's progress (or a message)?"""
    user, session = getattr(request, "user", None), getattr(request, "session", None)
    return bool(
        (user is not None and user.is_authenticated)
        or (session is not None and session.session_key is not None)
        or "messages" in request.COOKIES
    )


@cache
def _templates_digest() -> str:
    """Digest of the page templates, so a release with new markup changes every ETag."""
    digest = hashlib.sha256()
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def shared_etag(request: HttpRequest, *args: object, **kwargs: object) -> str | None:
    """The ETag of a shared reading page: content version and templates; None when tracked."""
    if is_tracked(request):
        return None
    return f'"{get_course().content_hash[:16]}-{_templates_digest()}"'


SHARED_PAGES_KEPT = 256  # rendered shared pages kept per process (a handful per section)
_shared_pages: dict[tuple[str, str | None], tuple[bytes, str]] = {}


def _rendered_once(view: View) -> View:
    """Render a shared page once per process and content version, then serve its bytes."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = (request.path, shared_etag(request))
        kept = _shared_pages.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.cookies:
                return response
            if len(_shared_pages) >= SHARED_PAGES_KEPT:
                _shared_pages.pop(next(iter(_shared_pages)))
            kept = _shared_pages[key] = (response.content, response["Content-Type"])
        return HttpResponse(kept[0], content_type=kept[1])

    return wrapped


def shareable(view: View) -> View:
    """Untracked readers get one public, cacheable page per content version and 304s on it."""
    conditional = condition(etag_func=shared_etag)(_rendered_once(view))

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if is_tracked(request):
            return view(request, *args, **kwargs)
        response = conditional(request, *args, **kwargs)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=SHARED_MAX_AGE)
            patch_vary_headers(response, ("Cookie",))
        return response

    return wrapped


class PersonalCacheMiddleware:
    """`Cache-Control: no-store, private` for a learner's data and any response setting a cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        personal = request.path.startswith(PERSONAL_PATHS) or response.cookies
        if personal or is_tracked(request):
            if "public" in response.get("Cache-Control", ""):
                del response.headers["Cache-Control"]
            patch_cache_control(response, no_store=True, private=True, max_age=0)
        return response


class ResourcePolicyMiddleware:
    """`Cross-Origin-Resource-Policy: same-origin` on every response, static files included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
