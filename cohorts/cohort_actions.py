"""Instructor changes to one cohort: settings, new code or link, archive, co-instructors."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from . import services
from .access import instructor_only, taught_cohort_or_404
from .forms import CoInstructorForm, SettingsForm
from .models import Cohort
from .teach_views import render_cohort

READ_ONLY = "This cohort is archived, so it is read-only. Restore it to change it."


def editable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """POST only, by one of its instructors, and refused while the cohort is archived."""

    @require_POST
    @instructor_only
    @wraps(view)
    def wrapped(request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = taught_cohort_or_404(request, cohort_id)
        if cohort.archived:
            messages.error(request, READ_ONLY)
            return redirect("cohorts:cohort", cohort.pk)
        return view(request, cohort)

    return wrapped


@editable
def update_settings(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """Save name, chapters, seat limit, closing date and whether code and link work."""
    form = SettingsForm(request.POST)
    if not form.is_valid():
        return render_cohort(request, cohort, status=422, settings_form=form)
    d = form.cleaned_data
    services.update_settings(
        cohort=cohort,
        name=d["name"],
        chapter_ids=d["chapters"],
        seat_limit=d["seat_limit"],
        closes_on=d["closes_on"],
        code_open=d["code_open"],
        link_open=d["link_open"],
    )
    messages.success(request, "Settings saved.")
    return redirect("cohorts:cohort", cohort.pk)


@editable
def regenerate(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """A new join code (`what=code`) or invite link (`what=link`); the old one stops working."""
    what = request.POST.get("what")
    if what == "code":
        services.regenerate_code(cohort=cohort)
        messages.success(
            request, f"New join code: {cohort.join_code}. The old one no longer works."
        )
    elif what == "link":
        services.regenerate_link(cohort=cohort)
        messages.success(request, "New invite link made. The old one no longer works.")
    else:
        messages.error(request, "Choose the code or the link to regenerate.")
    return redirect("cohorts:cohort", cohort.pk)


@editable
def add_instructor(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """Add a co-instructor by username; they must have the instructor role."""
    form = CoInstructorForm(request.POST)
    if not form.is_valid():
        return render_cohort(request, cohort, status=422, instructor_form=form)
    services.add_co_instructor(cohort=cohort, user=form.cleaned_data["username"])
    messages.success(request, f"{form.cleaned_data['username'].username} now teaches this cohort.")
    return redirect("cohorts:cohort", cohort.pk)


@require_POST
@instructor_only
def archive(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Archive (`archived=1`) or restore (`archived=0`) a cohort."""
    cohort = taught_cohort_or_404(request, cohort_id)
    archived = request.POST.get("archived") == "1"
    if archived != cohort.archived:
        services.set_archived(cohort=cohort, archived=archived)
    word = "archived: read-only and hidden from your home" if archived else "restored"
    messages.success(request, f"Cohort {word}.")
    return redirect("cohorts:cohort", cohort.pk)
