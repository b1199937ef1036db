"""Instructor pages: the home with every cohort taught, and one cohort's page."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from courses.catalog import get_course
from reports.cohort_summary import summarize

from . import services
from .access import instructor_only, taught_cohort_or_404
from .forms import CohortForm, CoInstructorForm, RosterForm, SettingsForm
from .joining import active_learners
from .models import Cohort


def _home(request: HttpRequest, form: CohortForm, status: int = 200) -> HttpResponse:
    show_archived = request.GET.get("archived") == "1"
    cohorts = Cohort.objects.filter(instructors=request.user, archived_at__isnull=not show_archived)
    cohorts = list(cohorts.prefetch_related("instructors"))
    chapters = {c.id: f"Chapter {c.number}: {c.title}" for c in get_course().chapters}
    context = {"rows": summarize(cohorts, chapters), "form": form, "show_archived": show_archived}
    return render(request, "cohorts/home.html", context, status=status)


@require_GET
@instructor_only
def home(request: HttpRequest) -> HttpResponse:
    """The instructor's cohorts with their figures, and a form to create one."""
    return _home(request, CohortForm())


@require_POST
@instructor_only
def create(request: HttpRequest) -> HttpResponse:
    """Create a cohort taught by me."""
    form = CohortForm(request.POST)
    if not form.is_valid():
        return _home(request, form, status=422)
    data = form.cleaned_data
    cohort = services.create_cohort(
        instructor=request.user,
        name=data["name"],
        chapter_ids=data["chapters"],
        seat_limit=data["seat_limit"],
        closes_on=data["closes_on"],
    )
    messages.success(request, f"Cohort “{cohort.name}” created. Share its code or invite link.")
    return redirect("cohorts:cohort", cohort.pk)


def render_cohort(
    request: HttpRequest, cohort: Cohort, status: int = 200, **forms: object
) -> HttpResponse:
    """A cohort's page, with any forms given keeping their input and errors."""
    initial = {
        "name": cohort.name,
        "chapters": cohort.chapter_ids,
        "seat_limit": cohort.seat_limit,
        "closes_on": cohort.closes_on,
        "code_open": cohort.code_open,
        "link_open": cohort.link_open,
    }
    members = active_learners(cohort).select_related("user").order_by("joined_at")
    context = {
        "cohort": cohort,
        "members": members,
        "roster": cohort.roster.order_by("email"),
        "instructors": cohort.instructors.order_by("username"),
        "invite_url": request.build_absolute_uri(
            reverse("cohorts:join_link", args=[cohort.invite_token])
        ),
        "settings_form": forms.get("settings_form") or SettingsForm(initial=initial),
        "instructor_form": forms.get("instructor_form") or CoInstructorForm(),
        "roster_form": forms.get("roster_form") or RosterForm(),
    }
    return render(request, "cohorts/cohort.html", context, status=status)


@require_GET
@instructor_only
def cohort_page(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """One cohort: roster, code, link, settings, co-instructors, roster import."""
    return render_cohort(request, taught_cohort_or_404(request, cohort_id))
