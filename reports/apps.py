"""The reports app: exports as background jobs, xAPI statements and their outbox."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Exports, xAPI and the tasks that run them."""

    name = "reports"
    default_auto_field = "django.db.models.BigAutoField"
