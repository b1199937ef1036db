"""Per-process store of shared (public) pages, answered before sessions, CSRF and URL routing."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags

from .catalog import get_course

KEPT = 256  # pages kept per process: a handful per chapter
_pages: dict[tuple[str, str], tuple[bytes, list[tuple[str, str]]]] = {}


def _key(request: HttpRequest) -> tuple[str, str]:
    return request.get_full_path(), get_course().content_hash


class SharedPageMiddleware:
    """Replays a public page to a cookie-less GET or HEAD; stores public pages that set no cookie.

    Sits below GZipMiddleware (each reply is compressed afresh, random header bytes and all) and
    above everything that reads cookies: a request with any cookie goes through Django as usual.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        eligible = request.method in ("GET", "HEAD") and not request.COOKIES
        if eligible and (kept := _pages.get(_key(request))) is not None:
            request.get_host()  # ALLOWED_HOSTS still apply: an unknown Host is a 400, not a page
            return _replay(request, *kept)
        response = self.get_response(request)
        shareable = (
            eligible
            and response.status_code == 200
            and "public" in response.get("Cache-Control", "")
            and not response.cookies
            and not response.streaming
        )
        if shareable:
            if len(_pages) >= KEPT:
                _pages.pop(next(iter(_pages)))
            _pages[_key(request)] = (response.content, list(response.items()))
        return response


def _replay(request: HttpRequest, content: bytes, headers: list[tuple[str, str]]) -> HttpResponse:
    etag = dict(headers).get("ETag", "")
    match = request.headers.get("If-None-Match", "")
    fresh = etag and etag.strip("W/") in {e.strip("W/") for e in parse_etags(match)}
    response = HttpResponseNotModified() if fresh else HttpResponse(content)
    for name, value in headers:
        if not (fresh and name in ("Content-Length", "Content-Type")):
            response[name] = value
    return response
