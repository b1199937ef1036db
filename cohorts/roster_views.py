"""Roster import: a dry-run preview from the uploaded file, then the import and its report."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import roster
from .cohort_actions import editable
from .forms import RosterForm
from .models import Cohort
from .roster_csv import MAX_BYTES, decode, parse
from .teach_views import render_cohort


@editable
def preview(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """Read the uploaded CSV and show what importing it would do; nothing is saved."""
    form = RosterForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_cohort(request, cohort, status=422, roster_form=form)
    upload = form.cleaned_data["file"]
    text, problem = decode(upload.read(MAX_BYTES + 1))
    # The previewed file waits in the instructor's session: the import posts no roster back, so
    # the 64 KB form limit holds, and what is imported is exactly what was previewed.
    request.session[_key(cohort)] = "" if problem else text
    return _report(request, cohort, text, problem, dry_run=True)


@editable
def run_import(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """Import the previewed roster in one transaction and report what happened."""
    text = request.session.get(_key(cohort), "")
    problem = "" if text.strip() else "There was no roster to import. Upload the file again."
    response = _report(request, cohort, text, problem, dry_run=False)
    if response.status_code == 200:
        request.session.pop(_key(cohort), None)
    return response


def _key(cohort: Cohort) -> str:
    """The session key of a cohort's previewed roster."""
    return f"roster-preview-{cohort.pk}"


def _report(
    request: HttpRequest, cohort: Cohort, text: str, problem: str, *, dry_run: bool
) -> HttpResponse:
    parsed = parse(text) if not problem else None
    refused = problem or parsed.refused
    plan = None if refused else roster.plan(cohort=cohort, parsed=parsed)
    if plan and (over := roster.over_seat_limit(cohort=cohort, roster_plan=plan)):
        refused, plan = over, None
    if plan and not dry_run:
        roster.apply(cohort=cohort, roster_plan=plan)
    context = {"cohort": cohort, "plan": plan, "refused": refused, "dry_run": dry_run}
    return render(request, "cohorts/roster_report.html", context, status=422 if refused else 200)
