"""Reading pages. Content comes from the per-process cache: no database queries."""

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .catalog import chapter_or_404, get_course, guide_or_404, section_or_404


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The course, its chapters and skill guides."""
    return render(request, "courses/home.html", {"course": get_course()})


@require_GET
def chapter(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """Chapter overview: objectives, sections with reading time, where to start."""
    return render(request, "courses/chapter.html", {"chapter": chapter_or_404(chapter_id)})


@require_GET
def section(request: HttpRequest, chapter_id: str, section_id: str) -> HttpResponse:
    """One section: breadcrumbs, contents, body, takeaway, previous/next."""
    chapter = chapter_or_404(chapter_id)
    current = section_or_404(chapter, section_id)
    previous, following = chapter.neighbours(current)
    context = {
        "chapter": chapter,
        "section": current,
        "previous": previous,
        "next": following,
        "content_hash": get_course().content_hash,  # keys the cached, content-only fragments
    }
    return render(request, "courses/section.html", context)


@require_GET
def glossary(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """The chapter's key terms, alphabetical, grouped by first letter."""
    chapter = chapter_or_404(chapter_id)
    letters = [
        (letter, list(terms))
        for letter, terms in groupby(chapter.terms, key=lambda t: t.term[0].upper())
    ]
    context = {"chapter": chapter, "letters": letters}
    return render(request, "courses/glossary.html", context)


@require_GET
def guide(request: HttpRequest, guide_id: str) -> HttpResponse:
    """A skill guide: path by level, projects, tools, interview questions."""
    return render(request, "courses/guide.html", {"guide": guide_or_404(guide_id)})
