"""The courses app: content pages and, later, reading progress."""

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Registers the content check and makes the dev server watch content files."""

    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.autoreload import autoreload_started

        from . import catalog, checks  # noqa: F401 (registers the system check)

        autoreload_started.connect(catalog.watch_content, dispatch_uid="courses-watch-content")
