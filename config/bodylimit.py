"""Refuse request bodies over the size limit with a clear 413 page, before anything reads them."""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

UPLOADS = [
    (re.compile(pattern), size) for pattern, size in settings.STUDYHALL_UPLOAD_LIMITS.items()
]
"""The few routes that take a file, with their own (larger) limit."""


def declared_length(request: HttpRequest) -> int:
    """The Content-Length the client declared (0 if none or unreadable)."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class BodySizeLimitMiddleware:
    """413 for bodies over DATA_UPLOAD_MAX_MEMORY_SIZE (or an upload route's own limit)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = next(
            (size for pattern, size in UPLOADS if pattern.match(request.path_info)),
            settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        )
        if declared_length(request) > limit:
            context = {"max_kb": limit // 1024}
            return render(request, "413.html", context, status=413)
        return self.get_response(request)
