"""Password reset with limits per address and per mailbox; off when email cannot be sent."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from .limits import configured, take
from .refusals import refuse_if_over

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


def reset_available() -> bool:
    """Is password reset on, and can its links go by email rather than into the log?"""
    if not settings.STUDYHALL_PASSWORD_RESET:
        return False
    return settings.DEBUG or settings.EMAIL_BACKEND != CONSOLE_BACKEND


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form; the answer never says whether the address has an account."""

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not reset_available():
            return render(request, "registration/password_reset_unavailable.html")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        return refuse_if_over(request, "resets_per_address") or super().post(
            request, *args, **kwargs
        )

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        # Over the per-mailbox limit, send nothing but answer exactly as if we had.
        if take(configured("resets_per_email"), form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
