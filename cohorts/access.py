"""Who may see what: instructors see only the cohorts they teach; everyone else gets 404."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from .models import Cohort
from .roles import is_instructor, remember_role


def instructor_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign in first; then anyone without the instructor role gets a 404."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not remember_role(request):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapped


def taught_cohort_or_404(request: HttpRequest, cohort_id: int) -> Cohort:
    """A cohort the signed-in instructor teaches, or a 404."""
    return get_object_or_404(Cohort, pk=cohort_id, instructors=request.user)


def teaches(user: object, cohort_id: int | None) -> bool:
    """Whether this user holds the instructor role and teaches this cohort."""
    if cohort_id is None or not is_instructor(user):
        return False
    return Cohort.objects.filter(pk=cohort_id, instructors=user).exists()
