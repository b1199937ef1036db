"""Content as xAPI activities, and the site/actor of a user: pure apart from reading settings."""

from django.conf import settings
from django.urls import reverse

from courses.content.model import Chapter, Guide, Question, Section

from .xapi import Activity, Site, actor_name


def site_for(user_id: int) -> Site:
    """The site and the user's pseudonymous account name."""
    return Site(
        url=settings.STUDYHALL_SITE_URL, actor_name=actor_name(user_id, settings.XAPI_ACTOR_KEY)
    )


def chapter_activity(chapter: Chapter) -> Activity:
    """A chapter (an xAPI module)."""
    return Activity(
        path=chapter.url, title=f"Chapter {chapter.number}: {chapter.title}", type="module"
    )


def section_activity(section: Section) -> Activity:
    """A section of a chapter (an xAPI lesson)."""
    return Activity(path=section.url, title=f"{section.number}. {section.title}", type="lesson")


def assessment_activity(chapter: Chapter, kind: str) -> Activity:
    """A chapter's pre- or post-study assessment."""
    path = reverse("quiz:overview", args=[chapter.id, kind])
    title = f"Chapter {chapter.number} {'pre' if kind == 'pre' else 'post'}-study assessment"
    return Activity(path=path, title=title, type="assessment")


def question_activity(chapter: Chapter, question_id: str, prompt: str) -> Activity:
    """An assessment question, by its stable id under the chapter."""
    return Activity(
        path=f"{chapter.url}questions/{question_id}/", title=prompt, type="cmi.interaction"
    )


def content_question(chapter: Chapter, question_id: str) -> Question | None:
    """The question as the course has it now (None if it was removed)."""
    return next((q for q in chapter.questions if q.id == question_id), None)


def guide_activity(guide: Guide) -> Activity:
    """A skill guide (an xAPI course)."""
    return Activity(path=guide.url, title=f"Skill guide: {guide.title}", type="course")


def step_activity(guide: Guide, item_id: str) -> Activity:
    """A project step `<project>.<n>` of a guide."""
    project_id, number = item_id.rsplit(".", 1)
    title = next((p.title for p in guide.projects if p.id == project_id), project_id)
    return Activity(
        path=f"{guide.url}projects/{project_id}/steps/{number}/",
        title=f"{title}: step {number}",
        type="objective",
    )


def interview_activity(guide: Guide, question_id: str) -> Activity:
    """An interview question of a guide."""
    text = next((q.question for q in guide.interview_questions if q.id == question_id), "")
    return Activity(
        path=f"{guide.url}interview/{question_id}/", title=text or question_id, type="interaction"
    )
