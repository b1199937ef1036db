"""The rows behind a cohort report's learners: a constant number of queries, whatever the size.

The whole cohort reads one row per attempt and one aggregated reading row per learner; one
learner (the drill-down) also reads their reading per section and every answer.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, QuerySet

from cohorts.models import Cohort
from courses.models import PracticeMark, SectionProgress
from quiz.models import Answer, Attempt, AttemptQuestion, QuestionVersion
from reports.cohort_sql import attempts, reading
from reports.cohort_summary import learner_memberships


@dataclass(kw_only=True)
class LearnerRows:
    """One learner's visible rows in one chapter (only what they share with the cohort)."""

    user_id: int
    name: str
    joined_at: datetime.datetime
    since: datetime.datetime
    pre: dict | None = None
    posts: list[dict] = field(default_factory=list)
    """Submitted post-study attempts, oldest first."""
    progress: dict[str, dict] = field(default_factory=dict)
    """Section id to {opened_at, completed_at, content_version} (one learner's rows only)."""
    practice_at: datetime.datetime | None = None
    read: int = 0
    """Visible reading rows in the chapter (sections opened)."""
    completed: int = 0
    """Sections of the chapter completed."""
    read_at: datetime.datetime | None = None
    """The latest visible opening or completion."""


@dataclass(frozen=True, kw_only=True)
class CohortRows:
    """Everything a cohort report reads, as plain rows."""

    learners: dict[int, LearnerRows]
    answers: dict[int, dict[int, dict]]
    """Attempt id to position to {version_id, choice_id, is_correct} (every position asked)."""
    versions: dict[int, QuestionVersion]


def _members(cohort: Cohort, user_id: int | None = None) -> QuerySet:
    """Active learner memberships, with `since`."""
    found = learner_memberships([cohort]).filter(cohort=cohort)
    return found if user_id is None else found.filter(user_id=user_id)


def _learners(members: QuerySet) -> dict[int, LearnerRows]:
    rows = members.values(
        "user_id", "user__username", "user__first_name", "user__last_name", "joined_at", "since"
    )
    out = {}
    for r in rows:
        full = f"{r['user__first_name']} {r['user__last_name']}".strip()
        out[r["user_id"]] = LearnerRows(
            user_id=r["user_id"],
            name=full or r["user__username"],
            joined_at=r["joined_at"],
            since=r["since"],
        )
    return out


FIELDS = ("id", "user_id", "kind", "submitted_at", "correct", "counted")


def _attempts(
    users: QuerySet, chapter_id: str, learners: dict[int, LearnerRows], fields: tuple = FIELDS
) -> list[int]:
    rows = Attempt.objects.filter(
        user_id__in=users, chapter_id=chapter_id, status="submitted"
    ).order_by("submitted_at", "pk")
    visible = []
    for r in rows.values(*fields):
        who = learners.get(r["user_id"])
        if who is None or r["submitted_at"] < who.since:
            continue
        visible.append(r["id"])
        if r["kind"] == "pre":
            who.pre = r
        else:
            who.posts.append(r)
    return visible


def _progress(
    users: QuerySet, chapter_id: str, learners: dict[int, LearnerRows], sections: list[str]
) -> None:
    rows = SectionProgress.objects.filter(user_id__in=users, chapter_id=chapter_id).values(
        "user_id", "section_id", "opened_at", "completed_at", "content_version"
    )
    for r in rows:
        who = learners.get(r.pop("user_id"))
        if who is None or r["opened_at"] < who.since:
            continue
        who.progress[r.pop("section_id")] = r
    for who in learners.values():
        found = who.progress.items()
        stamps = [t for _, p in found for t in (p["opened_at"], p["completed_at"]) if t]
        who.read, who.read_at = len(found), max(stamps, default=None)
        who.completed = sum(bool(p["completed_at"]) and s in sections for s, p in found)


def _reading(cohort: Cohort, chapter_id: str, learners: dict, sections: list[str]) -> None:
    for user_id, (read, completed, opened, done) in reading(cohort, chapter_id, sections).items():
        who = learners.get(user_id)
        if who is not None:
            who.read, who.completed = read, completed
            who.read_at = max(opened, done) if done else opened


def _practice(users: QuerySet, learners: dict[int, LearnerRows]) -> None:
    marks = (
        PracticeMark.objects.filter(user_id__in=users)
        .values("user_id")
        .annotate(at=Max("updated_at"))
    )
    for r in marks:
        who = learners.get(r["user_id"])
        if who is not None and r["at"] >= who.since:
            who.practice_at = r["at"]


def _answers(attempt_ids: list[int], chapter_id: str, users: QuerySet) -> dict[int, dict]:
    mine = {
        "attempt__user_id__in": users,
        "attempt__chapter_id": chapter_id,
        "attempt__status": "submitted",
    }
    wanted = set(attempt_ids)
    asked: dict[int, dict[int, dict]] = {}
    for q in AttemptQuestion.objects.filter(**mine).values("attempt_id", "position", "version_id"):
        if q["attempt_id"] in wanted:
            asked.setdefault(q["attempt_id"], {})[q["position"]] = {
                "version_id": q["version_id"],
                "choice_id": None,
                "is_correct": False,
            }
    for a in Answer.objects.filter(**mine).values(
        "attempt_id", "position", "choice_id", "is_correct"
    ):
        slot = asked.get(a["attempt_id"], {}).get(a["position"])
        if slot is not None:
            slot.update(choice_id=a["choice_id"], is_correct=a["is_correct"])
    return asked


def _all_attempts(cohort: Cohort, chapter_id: str, learners: dict[int, LearnerRows]) -> None:
    for row in attempts(cohort, chapter_id):
        who = learners.get(row[1])
        if who is None:
            continue
        found = dict(zip(FIELDS, row, strict=True))
        if found["kind"] == "pre":
            who.pre = found
        else:
            who.posts.append(found)


def cohort_learners(cohort: Cohort, chapter_id: str, sections: list[str]) -> dict[int, LearnerRows]:
    """Every learner's visible attempts, reading aggregated per learner, practice: 4 queries."""
    members = _members(cohort)
    users = members.values("user_id")
    learners = _learners(members)
    _all_attempts(cohort, chapter_id, learners)
    _reading(cohort, chapter_id, learners, sections)
    _practice(users, learners)
    return learners


def cohort_rows(cohort: Cohort, chapter_id: str, user_id: int, sections: list[str]) -> CohortRows:
    """One learner's visible rows in one chapter, each answer and section included."""
    members = _members(cohort, user_id)
    users = members.values("user_id")
    learners = _learners(members)
    fields = (*FIELDS, "started_at")
    attempt_ids = _attempts(users, chapter_id, learners, fields)
    _progress(users, chapter_id, learners, sections)
    _practice(users, learners)
    answers = _answers(attempt_ids, chapter_id, users)
    ids = {slot["version_id"] for by_pos in answers.values() for slot in by_pos.values()}
    versions = QuestionVersion.objects.in_bulk(ids) if ids else {}
    return CohortRows(learners=learners, answers=answers, versions=versions)
