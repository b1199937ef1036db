"""The 429 page for an abuse limit: what was refused and how long to wait."""

import math

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .clientip import client_ip
from .limits import configured, take

HEADINGS = {
    "login_failures_per_address": (
        "Too many failed log-in attempts",
        "There have been too many failed log-ins from your network address.",
    ),
    "signups_per_address": (
        "Too many new accounts",
        "Too many accounts have been created from your network address.",
    ),
    "resets_per_address": (
        "Too many password-reset requests",
        "Too many password resets have been requested from your network address.",
    ),
}


def too_many(request: HttpRequest, *, limit_name: str, wait: int) -> HttpResponse:
    """A 429 page naming the limit and the wait, with a Retry-After header."""
    heading, reason = HEADINGS[limit_name]
    context = {"heading": heading, "reason": reason, "wait_minutes": math.ceil(wait / 60)}
    response = render(request, "registration/too_many.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def refuse_if_over(request: HttpRequest, limit_name: str) -> HttpResponse | None:
    """Count one event from the client's address; a 429 page if its limit was already used up."""
    wait = take(configured(limit_name), client_ip(request))
    return too_many(request, limit_name=limit_name, wait=wait) if wait else None
