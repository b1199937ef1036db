"""Hand-built cohort data for dashboard tests: question versions, attempts with answers."""

import datetime
import itertools

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from cohorts import joining
from quiz.models import Answer, Attempt, AttemptQuestion, QuestionVersion

from .conftest import CH

Q1, Q2 = "rdma-advantage", "gpudirect-removes"
SECTION = "hpc-networking"
_ids = itertools.count()


def versions() -> dict[str, QuestionVersion]:
    """Two four-option questions (right answer b) taught in the first section."""
    out = {}
    for qid in (Q1, Q2):
        out[qid], _ = QuestionVersion.objects.get_or_create(
            question_id=qid,
            version="v1",
            defaults={
                "section_id": SECTION,
                "prompt": f"Prompt of {qid}?",
                "answer_id": "b",
                "explanation_html": "",
                "choices": [{"id": c, "text": f"Option {c}", "why_wrong_html": ""} for c in "abcd"],
            },
        )
    return out


def sit(user: User, kind: str, choices: dict[str, str], minutes_ago: int = 0) -> Attempt:
    """A submitted attempt asking Q1 and Q2 with these choices (scored against b)."""
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    found = versions()
    right = sum(c == "b" for c in choices.values())
    attempt = Attempt.objects.create(
        public_id=f"d{next(_ids)}",
        user=user,
        chapter_id=CH,
        assessment_id=kind,
        kind=kind,
        status="submitted",
        content_version="v",
        question_count=len(choices),
        started_at=at,
        submitted_at=at,
        correct=right,
        counted=len(choices),
    )
    for pos, (qid, choice) in enumerate(choices.items(), start=1):
        AttemptQuestion.objects.create(
            attempt=attempt, position=pos, version=found[qid], order="0123"
        )
        Answer.objects.create(
            attempt=attempt,
            position=pos,
            choice_id=choice,
            is_correct=choice == "b",
            answered_at=at,
        )
    return attempt


def learner(cohort: object, name: str, share: bool = True) -> User:
    """A learner who joined the cohort (no password: tests sign in with force_login)."""
    user = User.objects.create(username=name)
    joining.join(cohort=cohort, user=user, share_before_joining=share)
    return user


def poll(client: Client, url: str, etag: str = "") -> object:
    headers = {"HX-Request": "true"} | ({"If-None-Match": etag} if etag else {})
    return client.get(url, headers=headers)
