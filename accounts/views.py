"""Sign up, log in, delete my account. Guest progress joins the account on sign-in."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from courses import guest
from quiz.attempts import claim_guest_attempts

from . import services
from .forms import DeleteAccountForm, SignupForm


def _next_url(request: HttpRequest) -> str:
    """Where to go after signing up: a safe local path from `next`, else Your progress."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/") else reverse("courses:progress")


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account; progress made as a guest comes along."""
    if request.user.is_authenticated:
        return redirect("courses:progress")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = request.session
        user = services.create_learner(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        guest.merge_into_account(session=session, user=user)
        claim_guest_attempts(session=session, user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Your account is ready and your progress is saved.")
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

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        guest.merge_into_account(session=self.request.session, user=form.get_user())
        claim_guest_attempts(session=self.request.session, user=form.get_user())
        return super().form_valid(form)


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
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete my account and all my data, after typing my username to confirm."""
    form = DeleteAccountForm(request.POST or None, username=request.user.get_username())
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=request.user)
        logout(request)
        messages.success(request, "Your account and all your progress have been deleted.")
        return redirect("courses:home")
    return render(request, "registration/delete_account.html", {"form": form})
