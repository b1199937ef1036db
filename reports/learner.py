"""A learner in a chapter, as plain data: the one report that the page and the PDF both render."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from courses.catalog import get_course
from courses.content.model import Chapter
from courses.models import PracticeMark, SectionProgress
from courses.practice import summarize
from courses.records import PracticeRecord
from quiz import scoring
from quiz.models import Attempt, Kind, Status


@dataclass(frozen=True, kw_only=True)
class SectionLine:
    """One section: reading state and the share right before and after studying."""

    number: int
    title: str
    state: str
    """`completed`, `opened` or `not started`."""
    completed_on: date | None
    pre: tuple[int, int]
    """(correct, asked) in the pre-study attempt, for this section's questions."""
    post: tuple[int, int]

    @staticmethod
    def _pct(pair: tuple[int, int]) -> int:
        return round(100 * pair[0] / pair[1]) if pair[1] else 0

    @property
    def pre_percent(self) -> int:
        """Pre-study share right, 0-100."""
        return self._pct(self.pre)

    @property
    def post_percent(self) -> int:
        """Post-study share right, 0-100."""
        return self._pct(self.post)


@dataclass(frozen=True, kw_only=True)
class MissedLine:
    """A question still missed, with the section that teaches it."""

    prompt: str
    section: str
    section_url: str


@dataclass(frozen=True, kw_only=True)
class PracticeLine:
    """Practice done in one skill guide."""

    guide: str
    steps_done: int
    steps_total: int
    could_answer: int
    questions: int


@dataclass(frozen=True, kw_only=True)
class LearnerReport:
    """Everything the learner's chapter report shows."""

    learner: str
    chapter: str
    content_version: str
    generated_on: date
    sections: tuple[SectionLine, ...]
    pre: scoring.Score | None
    post: scoring.Score | None
    gain: float | None
    missed: tuple[MissedLine, ...]
    practice: tuple[PracticeLine, ...]

    @property
    def completed(self) -> int:
        """Sections marked complete."""
        return sum(s.state == "completed" for s in self.sections)

    @property
    def percent(self) -> int:
        """Share of sections complete, 0-100."""
        return round(100 * self.completed / len(self.sections)) if self.sections else 0

    @property
    def gain_words(self) -> str:
        """The scores and the gain in plain words."""
        if self.pre is None and self.post is None:
            return "No assessment taken yet."
        if self.post is None:
            return f"Before studying you answered {_score(self.pre)}. Take the post-study assessment to see your gain."  # noqa: E501
        if self.pre is None:
            return f"After studying you answered {_score(self.post)}."
        words = f"You answered {_score(self.pre)} before studying and {_score(self.post)} after."
        if self.gain is None:
            return words + " You had nothing left to gain."
        if self.gain <= 0:
            return words + " You did not improve on the same questions yet."
        return words + f" You closed {round(100 * self.gain)}% of the gap to full marks."


def _score(s: scoring.Score) -> str:
    return f"{s.correct} of {s.counted} ({round(s.percent)}%)"


def _attempt_data(attempt: Attempt | None) -> tuple[list, dict[str, str]]:
    if attempt is None:
        return [], {}
    by_position = {a.position: a.choice_id for a in attempt.answers.all()}
    questions = list(attempt.questions.all())
    return questions, {
        q.question_id: by_position[q.position] for q in questions if q.position in by_position
    }


def learner_report(
    user: object, chapter: Chapter, *, since: datetime | None = None
) -> LearnerReport:
    """Read the learner's rows for the chapter and build the report (only activity from `since`)."""
    rows = SectionProgress.objects.filter(user=user, chapter_id=chapter.id)
    submitted = Attempt.objects.filter(user=user, chapter_id=chapter.id, status=Status.SUBMITTED)
    mark_rows = PracticeMark.objects.filter(user=user)
    if since is not None:
        rows = rows.filter(Q(opened_at__gte=since) | Q(completed_at__gte=since))
        submitted = submitted.filter(submitted_at__gte=since)
        mark_rows = mark_rows.filter(updated_at__gte=since)
    progress = {p.section_id: _visible(p, since) for p in rows}
    submitted = submitted.prefetch_related("questions__version", "answers")
    pre = next((a for a in submitted if a.kind == Kind.PRE), None)
    post = max(
        (a for a in submitted if a.kind == Kind.POST), key=lambda a: a.submitted_at, default=None
    )
    marks = [
        PracticeRecord(
            guide_id=m.guide_id,
            kind=m.kind,
            item_id=m.item_id,
            value=m.value,
            version=m.content_version,
            updated_at=m.updated_at,
        )
        for m in mark_rows
    ]
    return build(
        learner=user.get_username(),
        chapter=chapter,
        progress=progress,
        pre=_attempt_data(pre),
        post=_attempt_data(post),
        marks=marks,
        now=timezone.now(),
    )


def _visible(row: SectionProgress, since: datetime | None) -> SectionProgress:
    """A completion from before `since` is not shown: the section reads as opened."""
    if since is not None and row.completed_at and row.completed_at < since:
        row.completed_at = None
    return row


def build(
    *,
    learner: str,
    chapter: Chapter,
    progress: dict,
    pre: tuple,
    post: tuple,
    marks: list,
    now: datetime,
) -> LearnerReport:
    """Pure: the report from plain rows."""
    current = {q.id for q in chapter.questions}
    pre_asked = scoring_input(pre, current)
    post_asked = scoring_input(post, current)
    comparison = scoring.compare(pre_asked, post_asked) if pre_asked and post_asked else None
    latest = post_asked or pre_asked
    sections_of = {q.question_id: q.section_id for q in (post[0] or pre[0])}
    lines = []
    for s in chapter.sections:
        row = progress.get(s.id)
        state = "completed" if row and row.completed_at else "opened" if row else "not started"
        lines.append(
            SectionLine(
                number=s.number,
                title=s.title,
                state=state,
                completed_on=row.completed_at.date() if row and row.completed_at else None,
                pre=_per_section(pre_asked, pre[0], s.id),
                post=_per_section(post_asked, post[0], s.id),
            )
        )
    missed = []
    prompts = {q.question_id: q.prompt for q in (post[0] or pre[0])}
    for a in latest:
        section = chapter.section(sections_of.get(a.question_id, ""))
        if not a.removed and not a.correct and section:
            missed.append(
                MissedLine(
                    prompt=prompts[a.question_id],
                    section=f"{section.number}. {section.title}",
                    section_url=section.url,
                )
            )
    practice = []
    for guide in get_course().guides:
        g = summarize(guide, marks)
        practice.append(
            PracticeLine(
                guide=guide.title,
                steps_done=len(g.steps_done),
                steps_total=g.steps_total,
                could_answer=g.could_answer,
                questions=len(guide.interview_questions),
            )
        )
    return LearnerReport(
        learner=learner,
        chapter=f"Chapter {chapter.number}: {chapter.title}",
        content_version=get_course().content_hash,
        generated_on=now.date(),
        sections=tuple(lines),
        pre=comparison.pre if comparison else (scoring.score(pre_asked) if pre_asked else None),
        post=comparison.post if comparison else (scoring.score(post_asked) if post_asked else None),
        gain=comparison.gain if comparison else None,
        missed=tuple(missed),
        practice=tuple(practice),
    )


def scoring_input(data: tuple, current: set[str]) -> list[scoring.Asked]:
    """Scoring input from (questions, answers)."""
    questions, answers = data
    return [
        scoring.Asked(
            question_id=q.question_id,
            answer_id=q.answer_id,
            chosen_id=answers.get(q.question_id),
            removed=q.question_id not in current,
        )
        for q in questions
    ]


def _per_section(asked: list[scoring.Asked], questions: list, section_id: str) -> tuple[int, int]:
    mine = {q.question_id for q in questions if q.section_id == section_id}
    counted = [a for a in asked if a.question_id in mine and not a.removed]
    return sum(a.correct for a in counted), len(counted)
