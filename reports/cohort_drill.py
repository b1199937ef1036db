"""Drill-downs of a cohort report: one learner's record, and one question over the cohort."""

import datetime
from dataclasses import dataclass

from cohorts.models import Cohort
from courses.catalog import get_course
from courses.content.flags import Flag, item_flags
from courses.content.model import Chapter, Question, Section
from courses.models import PracticeMark
from quiz.models import QuestionVersion
from reports.cohort_cache import cached_report
from reports.cohort_data import cohort_rows
from reports.cohort_items import ItemRow
from reports.cohort_learners import LearnerRow, learner_rows
from reports.cohort_sql import one_item


@dataclass(frozen=True, kw_only=True)
class Reading:
    """One section of the learner's reading timeline."""

    section: Section
    opened_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    content_version: str
    """The section version they last saw ("" if never opened)."""


@dataclass(frozen=True, kw_only=True)
class SideBySide:
    """One question version with the learner's pre and first-post answers."""

    item_id: str
    item_version: str
    prompt: str
    section: Section | None
    anchor: str
    pre: tuple[str, bool] | None
    """(choice text, right) before studying; None when not asked."""
    post: tuple[str, bool] | None


@dataclass(frozen=True, kw_only=True)
class LearnerDetail:
    """Everything the learner drill-down shows."""

    row: LearnerRow
    reading: tuple[Reading, ...]
    questions: tuple[SideBySide, ...]
    attempts: tuple[dict, ...]
    practice: tuple[PracticeMark, ...]


def _chapter(chapter_id: str) -> Chapter | None:
    return next((c for c in get_course().chapters if c.id == chapter_id), None)


def _answer(slots: dict, vid: int, versions: dict) -> tuple[str, bool] | None:
    slot = slots.get(vid)
    if slot is None:
        return None
    texts = {c["id"]: c["text"] for c in versions[vid].choices}
    return texts.get(slot["choice_id"], "(no answer)"), slot["is_correct"]


def learner_detail(
    cohort: Cohort, user_id: int, chapter_id: str, *, now: datetime.datetime
) -> LearnerDetail | None:
    """One learner of the cohort, or None when they are not (or no longer) in it."""
    chapter = _chapter(chapter_id)
    sections = chapter.sections if chapter else ()
    rows = cohort_rows(cohort, chapter_id, user_id, [s.id for s in sections])
    who = rows.learners.get(user_id)
    if who is None:
        return None
    (row,) = learner_rows(rows.learners, [s.id for s in sections])
    reading = tuple(
        Reading(
            section=s,
            opened_at=(p := who.progress.get(s.id, {})).get("opened_at"),
            completed_at=p.get("completed_at"),
            content_version=p.get("content_version", ""),
        )
        for s in sections
    )
    by_vid = {}
    for attempt_id in (row.pre_attempt_id, row.post_first_attempt_id):
        by_vid[attempt_id] = {s["version_id"]: s for s in rows.answers.get(attempt_id, {}).values()}
    pre, post = by_vid.get(row.pre_attempt_id, {}), by_vid.get(row.post_first_attempt_id, {})
    by_id = {s.id: s for s in sections}
    questions = tuple(
        SideBySide(
            item_id=v.question_id,
            item_version=v.version,
            prompt=v.prompt,
            section=by_id.get(v.section_id),
            anchor=v.anchor,
            pre=_answer(pre, vid, rows.versions),
            post=_answer(post, vid, rows.versions),
        )
        for vid, v in sorted(rows.versions.items(), key=lambda kv: kv[1].question_id)
        if vid in pre or vid in post
    )
    marks = PracticeMark.objects.filter(user_id=user_id, updated_at__gte=who.since)
    return LearnerDetail(
        row=row,
        reading=reading,
        questions=questions,
        attempts=tuple(a for a in [who.pre, *who.posts] if a),
        practice=tuple(marks.order_by("guide_id", "kind", "item_id")),
    )


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One cell of the option-level transition table."""

    count: int
    names: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class VersionDetail:
    """One question version's statistics and its option-level transition table."""

    item: ItemRow
    labels: tuple[tuple[str | None, str], ...]
    """(choice id or None, label) for rows (pre) and columns (post)."""
    grid: tuple[tuple[str, tuple[Cell, ...]], ...]


@dataclass(frozen=True, kw_only=True)
class ItemDetail:
    """Everything the question drill-down shows."""

    question: Question | None
    """The question as the course has it now (None if removed)."""
    section: Section | None
    versions: tuple[VersionDetail, ...]
    generated_at: datetime.datetime
    flags: tuple[Flag, ...] = ()
    """Item-writing cues in the question as the course has it now (the validator's warnings)."""


def _version(item: ItemRow, who: list[tuple], names: dict[int, str]) -> VersionDetail:
    labels = (*((cid, cid) for cid, _ in item.choices), (None, "no answer"))
    cells: dict[tuple, list[str]] = {}
    for user_id, before, after in who:
        cells.setdefault((before, after), []).append(names[user_id])
    grid = tuple(
        (
            label,
            tuple(
                Cell(
                    count=len(cells.get((pre, post), [])),
                    names=tuple(sorted(cells.get((pre, post), []))),
                )
                for post, _ in labels
            ),
        )
        for pre, label in labels
    )
    return VersionDetail(item=item, labels=labels, grid=grid)


def item_detail(
    cohort: Cohort, question_id: str, chapter_id: str, *, now: datetime.datetime
) -> ItemDetail | None:
    """One question over the cohort, or None when the chapter never had it."""
    report = cached_report(cohort, now=now, chapter_id=chapter_id)
    items = [i for i in report.items if i.item_id == question_id]
    chapter = _chapter(chapter_id)
    question = (
        next((q for q in chapter.questions if q.id == question_id), None) if chapter else None
    )
    if question is None and not items:
        return None
    section_id = question.section_id if question else items[0].section_id
    section = next((s for s in chapter.sections if s.id == section_id), None) if chapter else None
    names = {r.user_id: r.display_name for r in report.learners}
    who: dict[int, list[tuple]] = {}
    for vid, user_id, before, after in one_item(cohort, chapter_id, question_id):
        who.setdefault(vid, []).append((user_id, before, after))
    versions = QuestionVersion.objects.filter(question_id=question_id).values_list("version", "id")
    by_version = dict(versions)
    return ItemDetail(
        question=question,
        section=section,
        generated_at=now,
        versions=tuple(_version(i, who.get(by_version[i.item_version], []), names) for i in items),
        flags=tuple(item_flags(question)) if question else (),
    )
