"""Sign up, log in, delete my account. Guest progress joins the account on sign-in."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from cohorts.joining import join_preassigned
from cohorts.roles import remember_role
from courses import guest, reading_log
from courses.catalog import get_course
from quiz.attempts import claim_guest_attempts

from . import services
from .clientip import client_ip
from .forms import DeleteAccountForm, SignupForm
from .limits import configured, record, wait_seconds
from .refusals import too_many


def _next_url(request: HttpRequest) -> str:
    """Where to go after signing up: a safe local path from `next`, else Your progress."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/") else reverse("courses:progress")


def _claim_reading_log(request: HttpRequest, user: User) -> None:
    """Keep the reading the browser logged before the account (invalid entries are dropped)."""
    opens = reading_log.parse(request.POST.get("reading_log", ""), get_course(), timezone.now())
    if opens:
        reading_log.claim(user=user, opens=opens)


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account; progress made as a guest comes along."""
    if request.user.is_authenticated:
        return redirect("courses:progress")
    signups = configured("signups_per_address")
    if request.method == "POST" and (wait := wait_seconds(signups, client_ip(request))):
        return too_many(request, limit_name=signups.name, wait=wait)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record(signups, client_ip(request))
        session = request.session
        try:
            user = services.create_learner(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
            )
        except IntegrityError:  # the same name signed up a moment ago, after the form's check
            form.add_error("username", User._meta.get_field("username").error_messages["unique"])
            context = {"form": form, "next": request.POST.get("next", "")}
            return render(request, "registration/signup.html", context)
        guest.merge_into_account(session=session, user=user)
        claim_guest_attempts(session=session, user=user)
        _claim_reading_log(request, user)
        joined = join_preassigned(user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Your account is ready and your progress is saved.")
        if joined:
            messages.info(request, f"Your email was on a roster: you joined {joined} cohort(s).")
        return HttpResponseRedirect(_next_url(request))
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


class LoginView(auth_views.LoginView):
    """Django's login, then the guest's progress is merged into the account."""

    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        """`next`, unless it points back at this page (Django would refuse a redirect loop)."""
        url = super().get_redirect_url()
        return "" if url.split("?", 1)[0] == self.request.path else url

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        """Refuse every log-in from an address with too many recent failures, any username."""
        failures = configured("login_failures_per_address")
        if wait := wait_seconds(failures, client_ip(request)):
            return too_many(request, limit_name=failures.name, wait=wait)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        record(configured("login_failures_per_address"), client_ip(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        guest.merge_into_account(session=self.request.session, user=form.get_user())
        claim_guest_attempts(session=self.request.session, user=form.get_user())
        _claim_reading_log(self.request, form.get_user())
        response = super().form_valid(form)
        remember_role(self.request)  # the header's Teach link, without a query on every page
        return response


@require_http_methods(["GET", "HEAD", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out on POST, with a message; GET asks to confirm (a link can't log anyone out)."""
    if request.method == "POST":
        was_signed_in = request.user.is_authenticated
        logout(request)
        if was_signed_in:
            messages.success(request, "You are logged out. Your progress is saved in your account.")
        return redirect("courses:home")
    return render(request, "registration/logout_confirm.html")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete my account and all my data, after typing my username to confirm."""
    form = DeleteAccountForm(request.POST or None, username=request.user.get_username())
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=request.user)
        logout(request)
        messages.success(request, "Your account and all your progress have been deleted.")
        return redirect("courses:home")
    return render(request, "registration/delete_account.html", {"form": form})
