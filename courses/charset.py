"""Refuse request bodies in a character set the app cannot read, before anything parses them.

Django raises `BadRequest` for a urlencoded body that declares a charset other than UTF-8 but
leaves `request.POST` unparsed, so its own error views (which check CSRF, reading `request.POST`
again) raise once more and the request escapes as the server's bare 500. This middleware answers
first, with a page that passes through the security-header middlewares.
"""

import codecs
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def readable_charset(request: HttpRequest) -> bool:
    """Is the body's declared charset (if any) one the form parsers can decode?"""
    declared = request.content_params.get("charset")
    if declared is None or request.content_type not in FORM_TYPES:
        return True
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return False
    if request.content_type == "application/x-www-form-urlencoded":
        return name == "utf-8"
    return name in {"utf-8", "ascii", "iso8859-1", "cp1252"}


class RequestCharsetMiddleware:
    """415 with a clear page for form bodies in an unsupported character set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if readable_charset(request):
            return self.get_response(request)
        # Nothing further down may try to parse the body again.
        request._post, request._files = QueryDict(), MultiValueDict()
        context = {"message": "Forms must be sent as UTF-8 text."}
        return render(request, "415.html", context, status=415)
