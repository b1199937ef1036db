"""Reading pages. Content comes from the per-process cache; progress from one or two queries."""

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from quiz.lookups import chapter_assessments
from quiz.sections import section_changes

from . import practice, progress, reading
from .catalog import chapter_or_404, get_course, guide_or_404, section_or_404
from .context_processors import site_links
from .http import is_tracked, shareable
from .spine import Spine, spine


@require_safe
@shareable
def home(request: HttpRequest) -> HttpResponse:
    """The course, its chapters with the learner's progress, and the skill guides."""
    course = get_course()
    records = progress.reading_records(request)
    summaries = [progress.summarize(chapter, records) for chapter in course.chapters]
    chapters = [(s, _spine(request, s, chapter_assessments(request, s.chapter))) for s in summaries]
    context = {"course": course, "chapters": chapters, "tracked": bool(records)}
    return render(request, "courses/home.html", context)


@require_safe
@shareable
def chapter(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """Chapter overview: objectives, sections with state and reading time, where to continue."""
    current = chapter_or_404(chapter_id)
    summary = progress.summarize(current, progress.reading_records(request, current.id))
    assessments = chapter_assessments(request, current)
    steps = _spine(request, summary, assessments)
    finished = steps.finished and assessments.pre and assessments.pre.status == "submitted"
    changes = section_changes(current, assessments.pre, assessments.post_latest) if finished else []
    context = {
        "chapter": current,
        "progress": summary,
        "assessments": assessments,
        "spine": steps,
        "changes": changes,
    }
    return render(request, "courses/chapter.html", context)


def _spine(request: HttpRequest, summary: progress.ChapterProgress, assessments: object) -> Spine:
    """The chapter's next-step spine for this requester."""
    guides = get_course().guides
    return spine(
        progress=summary,
        assessments=assessments,
        signed_in=request.user.is_authenticated,
        guide_url=guides[0].url if guides else "",
        signup_url=site_links()["signup"],
    )


@require_safe
@shareable
def section(request: HttpRequest, chapter_id: str, section_id: str) -> HttpResponse:
    """One section: breadcrumbs, contents, body, takeaway, completion, previous/next."""
    current_chapter = chapter_or_404(chapter_id)
    current = section_or_404(current_chapter, section_id)
    records = progress.reading_records(request, current_chapter.id)
    known = any(r.section_id == current.id for r in records)
    new = reading.record_open(
        request=request, chapter=current_chapter, section=current, known=known
    )
    summary = progress.summarize(current_chapter, [*records, *filter(None, [new])])
    previous, following = current_chapter.neighbours(current)
    context = {
        "chapter": current_chapter,
        "section": current,
        "progress": summary,
        "state": summary.state(current.id),
        "previous": previous,
        "next": following,
        "content_hash": get_course().content_hash,  # keys the cached, content-only fragments
        "tracked": is_tracked(request),
    }
    return render(request, "courses/section.html", context)


@require_safe
@shareable
def glossary(request: HttpRequest, chapter_id: str) -> HttpResponse:
    """The chapter's key terms, alphabetical, grouped by first letter."""
    current = chapter_or_404(chapter_id)
    letters = [
        (letter, list(terms))
        for letter, terms in groupby(current.terms, key=lambda t: t.term[0].upper())
    ]
    return render(request, "courses/glossary.html", {"chapter": current, "letters": letters})


@require_safe
@shareable
def guide(request: HttpRequest, guide_id: str) -> HttpResponse:
    """A skill guide: path by level, projects with steps to tick, tools, interview questions."""
    current = guide_or_404(guide_id)
    summary = practice.summarize(current, practice.practice_records(request, current.id))
    context = {"guide": current, "practice": summary, "tracked": is_tracked(request)}
    return render(request, "courses/guide.html", context)
