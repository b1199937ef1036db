"""The quiz app: assessments, attempts, scoring and learning gain (a later issue)."""

from django.apps import AppConfig


class QuizConfig(AppConfig):
    """Assessments app configuration."""

    name = "quiz"
    default_auto_field = "django.db.models.BigAutoField"
