"""Writing a seeded cohort: an instructor, a cohort and simulated learners, in bulk."""

import datetime
import hashlib
import random
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from accounts.roles import LEARNER
from courses.catalog import get_course
from courses.models import PracticeMark, SectionProgress
from quiz.attempts import _versions
from quiz.models import Answer, Attempt, AttemptQuestion
from quiz.tokens import encode_order

from . import services
from .demo_learners import PlannedLearner, plan
from .models import Cohort, Membership
from .roles import set_instructor

BATCH = 2000
DEMO_PREFIX = "Demo cohort"


@dataclass(frozen=True, kw_only=True)
class Seeded:
    """What seeding made: who can sign in, and the cohort."""

    cohort: Cohort
    username: str
    password: str


def new_instructor() -> tuple[User, str]:
    """A fresh instructor account with a random password."""
    taken = set(
        User.objects.filter(username__startswith="instructor").values_list("username", flat=True)
    )
    number = next(n for n in range(1, len(taken) + 2) if f"instructor{n}" not in taken)
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(f"instructor{number}", password=password)
    set_instructor(user=user, instructor=True)
    return user, password


def reset_password(cohort: Cohort) -> Seeded:
    """A new password for an existing demo cohort's first instructor."""
    user = cohort.instructors.order_by("id").first()
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.save(update_fields=["password"])
    return Seeded(cohort=cohort, username=user.username, password=password)


@transaction.atomic
def seed_cohort(*, learners: int, seed: int, now: datetime.datetime | None = None) -> Seeded:
    """An instructor, a cohort following the first chapter, and `learners` simulated learners."""
    now = now or timezone.now()
    course = get_course()
    chapter = course.chapters[0]
    instructor, password = new_instructor()
    cohort = services.create_cohort(
        instructor=instructor, chapter_ids=[chapter.id], name=f"{DEMO_PREFIX} ({learners} learners)"
    )
    guide = course.guides[0] if course.guides else None
    guide_items = []
    if guide:
        guide_items = [
            ("step", f"{p.id}.{n}") for p in guide.projects for n in range(1, len(p.steps) + 1)
        ]
        guide_items += [("interview", q.id) for q in guide.interview_questions]
    plans = plan(chapter=chapter, guide_items=guide_items, n=learners, seed=seed, now=now)
    users = _users(cohort, plans)
    _write_reading(users, plans, chapter.id)
    _write_attempts(users, plans, chapter, seed, cohort.pk)
    if guide:
        PracticeMark.objects.bulk_create(
            [
                PracticeMark(
                    user=u,
                    guide_id=guide.id,
                    kind=kind,
                    item_id=item,
                    value=value,
                    content_version=guide.version,
                    updated_at=p.attempts[-1].started_at if p.attempts else p.joined_at,
                )
                for u, p in zip(users, plans, strict=True)
                for kind, item, value in p.practice
            ],
            batch_size=BATCH,
        )
    return Seeded(cohort=cohort, username=instructor.username, password=password)


def _users(cohort: Cohort, plans: list[PlannedLearner]) -> list[User]:
    """Learner accounts (unusable passwords), in the learner group, members of the cohort."""
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(
                username=f"c{cohort.pk}-learner{p.index + 1:05d}",
                password=unusable,
                first_name=f"Learner {p.index + 1}",
                date_joined=p.joined_at,
            )
            for p in plans
        ],
        batch_size=BATCH,
    )
    group, _ = Group.objects.get_or_create(name=LEARNER)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=group.pk) for u in users], batch_size=BATCH
    )
    Membership.objects.bulk_create(
        [
            Membership(
                cohort=cohort,
                user=u,
                joined_at=p.joined_at,
                share_before_joining=p.share_before_joining,
            )
            for u, p in zip(users, plans, strict=True)
        ],
        batch_size=BATCH,
    )
    return users


def _write_reading(users: list[User], plans: list[PlannedLearner], chapter_id: str) -> None:
    """Reading progress rows."""
    versions = {s.id: s.version for s in get_course().chapters[0].sections}
    SectionProgress.objects.bulk_create(
        [
            SectionProgress(
                user=u,
                chapter_id=chapter_id,
                section_id=sid,
                content_version=versions[sid],
                opened_at=opened,
                completed_at=done,
            )
            for u, p in zip(users, plans, strict=True)
            for sid, opened, done in p.reading
        ],
        batch_size=BATCH,
    )


def _write_attempts(
    users: list[User], plans: list[PlannedLearner], chapter: object, seed: int, cohort_id: int
) -> None:
    """Attempts with their questions (each its own shuffle) and answers, scores stored."""
    assessments = {a.kind: a for a in chapter.assessments}
    questions = {q.id: q for q in chapter.questions}
    version_hash = get_course().content_hash
    rows, planned = [], []
    for u, p in zip(users, plans, strict=True):
        for k, a in enumerate(p.attempts):
            ids = assessments[a.kind].question_ids
            submitted = a.status == "submitted"
            correct = sum(c == questions[q].answer for c, q in zip(a.choices, ids, strict=False))
            rows.append(
                Attempt(
                    public_id=_public_id(seed, cohort_id, p.index, k),
                    user=u,
                    chapter_id=chapter.id,
                    assessment_id=assessments[a.kind].id,
                    kind=a.kind,
                    status=a.status,
                    content_version=version_hash if a.status != "skipped" else "",
                    question_count=len(ids) if a.status != "skipped" else 0,
                    started_at=a.started_at,
                    submitted_at=a.submitted_at,
                    correct=correct if submitted else None,
                    counted=len(ids) if submitted else None,
                    answers_revealed_at=a.submitted_at if a.revealed else None,
                )
            )
            planned.append(a)
    attempts = Attempt.objects.bulk_create(rows, batch_size=BATCH)
    _write_questions(attempts, planned, assessments, questions, seed)


def _write_questions(
    attempts: list[Attempt], planned: list, assessments: dict, questions: dict, seed: int
) -> None:
    """AttemptQuestion and Answer rows for every attempt that was started."""
    rng = random.Random(seed + 1)  # noqa: S311 (shuffles, not secrets)
    versions = _versions([questions[qid] for qid in assessments["pre"].question_ids])
    versions |= _versions([questions[qid] for qid in assessments["post"].question_ids])
    asked, answers = [], []
    for attempt, a in zip(attempts, planned, strict=True):
        if a.status == "skipped":
            continue
        for position, qid in enumerate(assessments[a.kind].question_ids, 1):
            version = versions[qid]
            shown = list(range(len(version.choices)))
            rng.shuffle(shown)
            asked.append(
                AttemptQuestion(
                    attempt=attempt, position=position, version=version, order=encode_order(shown)
                )
            )
            choice = a.choices[position - 1]
            if choice is not None:
                at = a.submitted_at or a.started_at
                right = choice == version.answer_id
                answers.append(
                    Answer(
                        attempt=attempt,
                        position=position,
                        choice_id=choice,
                        is_correct=right,
                        answered_at=at,
                    )
                )
    AttemptQuestion.objects.bulk_create(asked, batch_size=BATCH)
    Answer.objects.bulk_create(answers, batch_size=BATCH)


def _public_id(seed: int, cohort_id: int, learner: int, k: int) -> str:
    """A stable, unique-looking public id."""
    return hashlib.sha256(f"seed:{seed}:{cohort_id}:{learner}:{k}".encode()).hexdigest()[:16]
