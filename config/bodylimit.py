"""Refuse request bodies over the size limit with a clear 413 page, before anything reads them."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def declared_length(request: HttpRequest) -> int:
    """The Content-Length the client declared (0 if none or unreadable)."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class BodySizeLimitMiddleware:
    """413 for bodies over DATA_UPLOAD_MAX_MEMORY_SIZE, file parts included (no uploads here)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if declared_length(request) > limit:
            context = {"max_kb": limit // 1024}
            return render(request, "413.html", context, status=413)
        return self.get_response(request)
