"""Learner pages: join by code or invite link (saying what is shared), and leave."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import joining
from .forms import CodeForm, JoinForm
from .joining import Invitation
from .models import Cohort, Membership


def _page(
    request: HttpRequest, invitation: Invitation | None, code_form: CodeForm, **extra: object
) -> HttpResponse:
    cohort = invitation.cohort if invitation else None
    problem = invitation.problem if invitation else ""
    signed_in = request.user.is_authenticated
    member = bool(cohort and signed_in and joining.membership_of(cohort, request.user))
    if member:
        problem = ""  # already in: say so, whatever has changed since (full, closed)
    elif cohort and not problem and signed_in:
        problem = joining.refusal_for(cohort, request.user)
    join_form = extra.get("join_form") or JoinForm()
    context = {
        "cohort": cohort,
        "problem": problem,
        "member": member,
        "code_form": code_form,
        "join_form": join_form,
        "token": extra.get("token", ""),
        "instructors": cohort.instructors.order_by("username") if cohort else [],
        "next": request.get_full_path(),
    }
    failed = problem or code_form.errors or join_form.errors
    status = 422 if failed else 200
    return render(request, "cohorts/join.html", context, status=status)


@require_GET
def join_by_code(request: HttpRequest) -> HttpResponse:
    """Type a code; a valid one shows the cohort, what its instructors see, and a join button."""
    if "code" not in request.GET:
        return _page(request, None, CodeForm())
    form = CodeForm(request.GET)
    invitation = joining.by_code(form.cleaned_data["code"]) if form.is_valid() else None
    return _page(request, invitation, form)


@require_GET
def join_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """An invite link: the cohort, what its instructors see, and a join button."""
    return _page(request, joining.by_link(token), CodeForm(), token=token)


@require_POST
@login_required
def join(request: HttpRequest) -> HttpResponse:
    """Join the cohort named by `code` or `token`, sharing earlier activity or not."""
    token = request.POST.get("token", "")
    code_form = CodeForm({"code": request.POST.get("code", "")})
    if token:
        invitation = joining.by_link(token)
    else:
        invitation = joining.by_code(request.POST.get("code", "")) if code_form.is_valid() else None
    form = JoinForm(request.POST)
    cohort = invitation.cohort if invitation else None
    if not cohort or invitation.problem or joining.refusal_for(cohort, request.user):
        return _page(request, invitation, code_form, token=token)
    if not form.is_valid():
        return _page(request, invitation, code_form, token=token, join_form=form)
    share = form.cleaned_data["share"] == "yes"
    try:
        joining.join(cohort=cohort, user=request.user, share_before_joining=share)
    except joining.JoinRefusedError as refused:
        return _page(request, Invitation(cohort=cohort, problem=str(refused)), code_form)
    messages.success(
        request, f"You are in “{cohort.name}”. Its instructors can now see your progress."
    )
    return redirect("courses:progress")


@require_http_methods(["GET", "POST"])
@login_required
def leave(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Confirm, then leave: instructors stop seeing me from now on; my data stays."""
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    membership = joining.membership_of(cohort, request.user)
    if request.method == "POST":
        if membership:
            joining.leave(membership=membership)
        messages.success(
            request, f"You left “{cohort.name}”. Its instructors no longer see your progress."
        )
        return redirect("courses:progress")
    if membership is None:
        raise Http404("Not a member")
    return render(request, "cohorts/leave.html", {"cohort": cohort})


_ANY_MEMBERSHIP = f'SELECT "id" FROM "{Membership._meta.db_table}" WHERE "user_id" = %s AND "left_at" IS NULL LIMIT 1'  # noqa: E501, S608


def memberships_of(user: object) -> list[Membership]:
    """The cohorts that currently see this user's data, for Your progress."""
    if not getattr(user, "is_authenticated", False):
        return []
    if not Membership.objects.raw(_ANY_MEMBERSHIP, [user.pk]):  # most learners: one cheap query
        return []
    active = Membership.objects.filter(user=user, left_at=None).select_related("cohort")
    return list(active.prefetch_related("cohort__instructors").order_by("joined_at"))
