"""The instructor side: cohorts, joining, rosters."""

from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Cohorts app."""

    name = "cohorts"
    default_auto_field = "django.db.models.BigAutoField"
