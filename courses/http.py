"""Responses that carry a learner's own data are never stored by browsers or shared caches."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def is_tracked(request: HttpRequest) -> bool:
    """Does this request carry a learner's or a tracked guest's progress?"""
    return request.user.is_authenticated or request.session.session_key is not None


class PersonalCacheMiddleware:
    """`Cache-Control: no-store, private` on every response for a signed-in or tracked guest."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_tracked(request) or request.path.startswith(("/progress/", "/accounts/")):
            patch_cache_control(response, no_store=True, private=True, max_age=0)
        return response
