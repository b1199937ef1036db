"""Skill-guide practice: ticking project steps and rating interview answers, and its summary."""

from dataclasses import dataclass

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from reports import hooks

from .content.model import Guide, InterviewQuestion, Project
from .models import PracticeKind, PracticeMark, PracticeValue
from .owners import Owner, owned, owner
from .records import PracticeRecord


@dataclass(frozen=True, kw_only=True)
class StepState:
    """One project step and whether it is ticked."""

    project: Project
    number: int
    html: str
    done: bool


@dataclass(frozen=True, kw_only=True)
class QuestionState:
    """One interview question and the learner's self-rating (empty if none)."""

    question: InterviewQuestion
    rating: str


@dataclass(frozen=True, kw_only=True)
class GuideProgress:
    """What a learner has practised in one guide."""

    guide: Guide
    steps_done: frozenset[str]
    """Item ids `<project>.<n>` of ticked steps."""
    ratings: dict[str, str]
    """Interview question id to `could_answer` or `needs_work`."""

    def steps(self, project: Project) -> tuple[StepState, ...]:
        """The project's steps with their ticks."""
        return tuple(
            StepState(
                project=project, number=n, html=html, done=f"{project.id}.{n}" in self.steps_done
            )
            for n, html in enumerate(project.steps, 1)
        )

    @property
    def projects(self) -> tuple[tuple[Project, tuple[StepState, ...]], ...]:
        """Each project with its steps' ticks, for the page."""
        return tuple((p, self.steps(p)) for p in self.guide.projects)

    @property
    def questions(self) -> tuple[QuestionState, ...]:
        """Each interview question with the learner's rating."""
        return tuple(
            QuestionState(question=q, rating=self.ratings.get(q.id, ""))
            for q in self.guide.interview_questions
        )

    @property
    def steps_total(self) -> int:
        """How many project steps the guide has."""
        return sum(len(p.steps) for p in self.guide.projects)

    @property
    def could_answer(self) -> int:
        """Interview questions rated 'I could answer this'."""
        return sum(v == PracticeValue.COULD_ANSWER for v in self.ratings.values())

    @property
    def percent(self) -> int:
        """Share of project steps ticked (the bar is labelled "project steps done")."""
        total = self.steps_total
        return round(100 * len(self.steps_done) / total) if total else 0


def practice_records(request: HttpRequest, guide_id: str | None = None) -> list[PracticeRecord]:
    """The learner's (or tracked guest's) practice marks, optionally for one guide."""
    who = owner(request)
    if who is None:  # a plain reader: no key, no query
        return []
    only = {} if guide_id is None else {"guide_id": guide_id}
    rows = owned(PracticeMark, who, **only)
    return [
        PracticeRecord(
            guide_id=m.guide_id,
            kind=m.kind,
            item_id=m.item_id,
            value=m.value,
            version=m.content_version,
            updated_at=m.updated_at,
        )
        for m in rows
    ]


def summarize(guide: Guide, records: list[PracticeRecord]) -> GuideProgress:
    """Pure: the ticked steps and ratings that still match the guide's content."""
    step_ids = {f"{p.id}.{n}" for p in guide.projects for n in range(1, len(p.steps) + 1)}
    question_ids = {q.id for q in guide.interview_questions}
    mine = [r for r in records if r.guide_id == guide.id]
    return GuideProgress(
        guide=guide,
        steps_done=frozenset(
            r.item_id for r in mine if r.kind == PracticeKind.STEP and r.item_id in step_ids
        ),
        ratings={
            r.item_id: r.value
            for r in mine
            if r.kind == PracticeKind.INTERVIEW and r.item_id in question_ids
        },
    )


_TABLE = PracticeMark._meta.db_table
# One statement each way, so ticking and unticking at once cannot collide (update_or_create
# could: its insert lost a race and raised IntegrityError on PostgreSQL).
_UPSERT = (
    f'INSERT INTO "{_TABLE}" (user_id, guest_key, guide_id, kind, item_id, value, '  # noqa: S608
    "content_version, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
)
_ON_CONFLICT = (
    "DO UPDATE SET value = excluded.value, content_version = excluded.content_version, "
    "updated_at = excluded.updated_at"
)


def set_mark(
    *, request: HttpRequest, guide: Guide, kind: PracticeKind, item_id: str, value: str | None
) -> None:
    """Tick/untick a step (`done`/None) or rate a question; repeating a write changes nothing."""
    who = owner(request, create=value is not None)
    if who is None:
        return  # a guest with nothing stored unticks nothing
    with hooks.atomic():
        if value is None:
            PracticeMark.objects.filter(
                **who.rows, guide_id=guide.id, kind=kind, item_id=item_id
            ).delete()
        else:
            _upsert(who, guide, kind, item_id, value)
        hooks.practice(who.user_id, guide, kind, item_id, value)


def _upsert(who: Owner, guide: Guide, kind: PracticeKind, item_id: str, value: str) -> None:
    params = [
        who.user_id,
        who.guest_key,
        guide.id,
        str(kind),
        item_id,
        str(value),
        guide.version,
        timezone.now(),
    ]
    sql = _UPSERT + who.conflict("guide_id", "kind", "item_id") + _ON_CONFLICT
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
