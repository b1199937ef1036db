"""CSRF tokens on demand (reading pages carry none) and a failure page that says what happened."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def token(request: HttpRequest) -> JsonResponse:
    """A CSRF token (also set as the csrftoken cookie) for a page's first htmx post."""
    return JsonResponse({"token": get_token(request)})


def failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a failed CSRF check: nothing was saved; reload and choose again."""
    back = request.headers.get("HX-Current-URL") or request.headers.get("Referer") or ""
    context = {"back": back if back.startswith(request.build_absolute_uri("/")) else ""}
    template = "csrf_failure.html#notice" if request.htmx else "csrf_failure.html"
    response = render(request, template, context, status=403)
    response["Cache-Control"] = "no-store, private"
    return response
