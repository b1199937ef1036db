"""A learner's xAPI statements from their rows: one thin reader per event, and all of them."""

import json
from datetime import datetime

from django.conf import settings

from courses.catalog import get_course
from courses.content.model import Chapter, Guide, Section
from courses.models import PracticeKind, PracticeMark, SectionProgress
from quiz.models import Attempt, Status

from . import xapi
from .xapi_content import (
    assessment_activity,
    chapter_activity,
    guide_activity,
    interview_activity,
    question_activity,
    section_activity,
    site_for,
    step_activity,
)


def section_statement(
    user_id: int, chapter: Chapter, section: Section, *, completed: bool, when: datetime
) -> dict:
    """`experienced` (opened) or `completed` for one section."""
    build = xapi.section_completed if completed else xapi.section_experienced
    return build(
        site_for(user_id),
        chapter=chapter_activity(chapter),
        section=section_activity(section),
        when=when,
    )


def practice_statement(
    user_id: int, guide: Guide, kind: str, item_id: str, value: str, when: datetime
) -> dict:
    """A ticked step or an interview self-rating."""
    site, guide_act = site_for(user_id), guide_activity(guide)
    if kind == PracticeKind.STEP:
        return xapi.practice_step_completed(
            site, guide=guide_act, step=step_activity(guide, item_id), when=when
        )
    return xapi.practice_rated(
        site, guide=guide_act, question=interview_activity(guide, item_id), rating=value, when=when
    )


def attempt_started_statement(attempt: Attempt, chapter: Chapter) -> dict:
    """`attempted` for a new attempt."""
    return xapi.assessment_attempted(
        site_for(attempt.user_id),
        chapter=chapter_activity(chapter),
        assessment=assessment_activity(chapter, attempt.kind),
        attempt_id=attempt.public_id,
        when=attempt.started_at,
    )


def attempt_submitted_statements(attempt: Attempt, chapter: Chapter) -> list[dict]:
    """`completed` with the score, and one `answered` per question as it was asked."""
    site, assessment = site_for(attempt.user_id), assessment_activity(chapter, attempt.kind)
    answers = {a.position: a.choice_id for a in attempt.answers.all()}
    statements = [
        xapi.assessment_completed(
            site,
            chapter=chapter_activity(chapter),
            assessment=assessment,
            attempt_id=attempt.public_id,
            correct=attempt.correct or 0,
            counted=attempt.counted or 0,
            passing=settings.XAPI_PASSING_SCALED,
            when=attempt.submitted_at,
        )
    ]
    for q in attempt.questions.all():
        statements.append(
            xapi.question_answered(
                site,
                assessment=assessment,
                question=question_activity(chapter, q.question_id, q.prompt),
                choices=[(c["id"], c["text"]) for c in q.choices],
                answer_id=q.answer_id,
                chosen_id=answers.get(q.position),
                attempt_id=attempt.public_id,
                when=attempt.submitted_at,
            )
        )
    return statements


def learner_statements(
    user: object, *, since: datetime | None = None, chapter_ids: list[str] | None = None
) -> list[dict]:
    """Every statement about one learner, rebuilt from their rows (same ids as those sent).

    A cohort's instructors get only what the learner shares with the cohort: statements from
    `since` on (joining, unless they share earlier activity) about the cohort's chapters.
    """
    course = get_course()
    chapters = {c.id: c for c in course.chapters if chapter_ids is None or c.id in chapter_ids}
    guides = {g.id: g for g in course.guides}

    def shown(when: datetime | None) -> bool:
        return when is not None and (since is None or when >= since)

    statements: list[dict] = []
    reading = SectionProgress.objects.filter(user=user, chapter_id__in=list(chapters))
    for row in reading.order_by("opened_at"):
        chapter = chapters[row.chapter_id]
        section = next((s for s in chapter.sections if s.id == row.section_id), None)
        if section is None:
            continue
        if shown(row.opened_at):
            statements.append(
                section_statement(user.pk, chapter, section, completed=False, when=row.opened_at)
            )
        if shown(row.completed_at):
            statements.append(
                section_statement(user.pk, chapter, section, completed=True, when=row.completed_at)
            )
    attempts = Attempt.objects.filter(user=user, chapter_id__in=list(chapters)).exclude(
        status=Status.SKIPPED
    )
    for attempt in attempts.prefetch_related("questions__version", "answers").order_by(
        "started_at"
    ):
        chapter = chapters[attempt.chapter_id]
        if shown(attempt.started_at):
            statements.append(attempt_started_statement(attempt, chapter))
        if attempt.status == Status.SUBMITTED and shown(attempt.submitted_at):
            statements.extend(attempt_submitted_statements(attempt, chapter))
    for mark in PracticeMark.objects.filter(user=user).order_by("updated_at"):
        if (guide := guides.get(mark.guide_id)) and shown(mark.updated_at):
            statements.append(
                practice_statement(
                    user.pk, guide, mark.kind, mark.item_id, mark.value, mark.updated_at
                )
            )
    return statements


def to_json_lines(statements: list[dict]) -> str:
    """One statement per line."""
    return "".join(json.dumps(s, ensure_ascii=False, sort_keys=True) + "\n" for s in statements)
