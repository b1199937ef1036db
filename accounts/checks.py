"""System checks: password-reset links must never be written to the production log."""

from collections.abc import Sequence

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .reset import CONSOLE_BACKEND


@register()
def reset_email_configured(
    app_configs: Sequence[AppConfig] | None, **kwargs: object
) -> list[CheckMessage]:
    """Error under production settings when reset is on but email goes to the console."""
    if settings.DEBUG or not settings.STUDYHALL_PASSWORD_RESET:
        return []
    if settings.EMAIL_BACKEND != CONSOLE_BACKEND:
        return []
    return [
        Error(
            "Password reset is on but no email host is configured: reset links would be "
            "written to the log, where anyone who reads it could take over accounts.",
            hint="Set DJANGO_EMAIL_HOST (and its user and password), or turn password reset "
            "off with STUDYHALL_PASSWORD_RESET=0.",
            id="accounts.E001",
        )
    ]
