"""`manage.py validate_content [PATH]`: list every content problem, exit 1 if any.

Warnings (item-writing cues) are printed too but leave the exit status at 0.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.catalog import site_urls
from courses.content import ContentError, load_course


class Command(BaseCommand):
    """Validate a content folder and print `path:line: message` for each problem."""

    help = "Validate course content; print every problem as path:line: message."
    requires_system_checks: list = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", help="content folder (default: CONTENT_DIR)")

    def handle(self, *args: object, path: str | None = None, **options: object) -> None:
        root = Path(path or settings.CONTENT_DIR)
        if not root.is_dir():
            raise CommandError(f"{root}: not a folder")
        try:
            course = load_course(root, urls=site_urls())
        except ContentError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} problem(s) in {root}") from None
        for warning in course.warnings:
            self.stdout.write(str(warning))
        sections = sum(len(c.sections) for c in course.chapters)
        questions = sum(len(c.questions) for c in course.chapters)
        terms = sum(len(c.terms) for c in course.chapters)
        self.stdout.write(
            f"{root}: OK: {len(course.chapters)} chapter(s), {sections} sections, {terms} terms, "
            f"{questions} questions, {len(course.guides)} guide(s); version {course.version} "
            f"({course.content_hash}); {len(course.warnings)} warning(s)"
        )
