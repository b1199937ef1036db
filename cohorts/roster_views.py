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
    return _report(request, cohort, text, problem, dry_run=True)


@editable
def run_import(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    """Import the previewed roster in one transaction and report what happened."""
    text, problem = decode(request.POST.get("roster_text", "").encode())
    if not problem and not text.strip():
        problem = "There was no roster to import. Upload the file again."
    return _report(request, cohort, text, problem, dry_run=False)


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
    context = {"cohort": cohort, "plan": plan, "refused": refused, "dry_run": dry_run,
               "roster_text": text}  # fmt: skip
    return render(request, "cohorts/roster_report.html", context, status=422 if refused else 200)
