"""Accounts: sign up, log in (with guest progress merged), password changes, deleting my data."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Accounts app configuration."""

    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the system checks."""
        from . import checks  # noqa: F401
