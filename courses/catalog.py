"""The loaded course, cached per process, and lookups that raise 404 for unknown slugs."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404
from django.urls import reverse

from .content import Urls, load_course
from .content.model import Chapter, Course, Guide, Section


def site_urls() -> Urls:
    """Loader URL scheme built from the URLconf, so content links follow the routes."""
    return Urls(
        chapter=lambda ch: reverse("courses:chapter", args=[ch]),
        section=lambda ch, sec: reverse("courses:section", args=[ch, sec]),
        glossary=lambda ch: reverse("courses:glossary", args=[ch]),
        guide=lambda guide: reverse("courses:guide", args=[guide]),
    )


@cache
def get_course() -> Course:
    """Load `settings.CONTENT_DIR` once per process (raises ContentError when broken)."""
    return load_course(Path(settings.CONTENT_DIR), urls=site_urls())


@receiver(setting_changed)
def _forget_course(*, setting: str, **kwargs: object) -> None:
    if setting == "CONTENT_DIR":
        get_course.cache_clear()


def watch_content(sender: object, **kwargs: object) -> None:
    """Make the dev server restart (and so reload content) when a content file changes."""
    for pattern in ("**/*.yaml", "**/*.md"):
        sender.watch_dir(Path(settings.CONTENT_DIR), pattern)


def chapter_or_404(chapter_id: str) -> Chapter:
    """The chapter with this id, or a 404."""
    chapter = get_course().chapter(chapter_id)
    if chapter is None:
        raise Http404("No such chapter")
    return chapter


def section_or_404(chapter: Chapter, section_id: str) -> Section:
    """The section of `chapter` with this id, or a 404."""
    section = chapter.section(section_id)
    if section is None:
        raise Http404("No such section")
    return section


def guide_or_404(guide_id: str) -> Guide:
    """The skill guide with this id, or a 404."""
    guide = get_course().guide(guide_id)
    if guide is None:
        raise Http404("No such skill guide")
    return guide
