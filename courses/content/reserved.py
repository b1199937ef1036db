"""Element ids the app's own templates use: content headings must not take them."""

import re

from markdown.extensions.toc import slugify as _toc_slugify


def slugify(title: str) -> str:
    """A heading title's id, as the Markdown `toc` extension makes it."""
    return _toc_slugify(title.strip(), "-")


RESERVED_IDS = frozenset({
    "main", "answered-count", "answers-later-heading", "assessments-heading", "cohorts-heading", "chapter-nav-heading", "chapters-heading",
    "completion", "completion-heading", "course-title", "data-heading", "finished-heading", "gain-heading",
    "guide-practice", "guides-heading", "interview", "key-takeaway", "more-heading",
    "objectives-heading", "path", "projects", "questions-heading", "review-heading",
    "section-nav", "section-title", "sections-heading", "toc-heading", "tools", "why",
    "chart-title", "feedback-heading", "practice-error", "practice-heading", "qh", "quiz-nav",
})
"""Fixed ids in templates/ (tests/courses/test_reserved_ids.py keeps this in step)."""

RESERVED_PREFIXES = ("diagram-",)
"""Prefixes of ids the section page builds from content ids (its diagrams)."""

OTHER_PAGE_PREFIXES = (
    "chapter-", "guide-", "interview-", "letter-", "project-", "qh-", "question-", "rating-",
    "result-", "status-", "step-", "term-", "tools-",
)
"""Built ids on pages that show no section headings, listed so the test accounts for all."""

HEADING_ID = re.compile(r'<h[1-6][^>]*?\sid="([^"]+)"')


def is_reserved(element_id: str) -> bool:
    """Would this id clash with one of the app's own?"""
    return element_id in RESERVED_IDS or element_id.startswith(RESERVED_PREFIXES)


def clashing_heading_ids(html: str) -> list[str]:
    """Heading ids in rendered HTML that clash with the app's own ids."""
    return [i for i in HEADING_ID.findall(html) if is_reserved(i)]


def heading_line(body: str, first_line: int, element_id: str) -> int:
    """The line of the heading whose title slugifies to `element_id` (or the body's first)."""
    for number, line in enumerate(body.splitlines(), first_line):
        text = line.strip()
        if text.startswith("#") and slugify(text.lstrip("#")) == element_id:
            return number
    return first_line
