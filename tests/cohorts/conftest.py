"""Cohort test fixtures: instructors, learners, a cohort, submitted attempts."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cohorts import services
from cohorts.models import Cohort
from cohorts.roles import set_instructor
from quiz.models import Attempt

CH = "networking-security"
PASSWORD = "a-long-pass-phrase-7"
_ids = itertools.count()


def make_user(username: str, *, instructor: bool = False, email: str = "") -> User:
    """An account, optionally with the instructor role."""
    user = User.objects.create_user(username, email=email, password=PASSWORD)
    if instructor:
        set_instructor(user=user, instructor=True)
    return user


def submit(user: User, kind: str, correct: int, counted: int = 12, minutes_ago: int = 0) -> Attempt:
    """A submitted attempt with this score."""
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return Attempt.objects.create(
        public_id=f"a{next(_ids)}",
        user=user,
        chapter_id=CH,
        assessment_id=kind,
        kind=kind,
        status="submitted",
        content_version="v",
        question_count=counted,
        started_at=at,
        submitted_at=at,
        correct=correct,
        counted=counted,
    )


@pytest.fixture
def teacher(db) -> User:
    return make_user("tess", instructor=True)


@pytest.fixture
def other_teacher(db) -> User:
    return make_user("otto", instructor=True)


@pytest.fixture
def cohort(teacher) -> Cohort:
    return services.create_cohort(instructor=teacher, name="Spring 2026", chapter_ids=[CH])


@pytest.fixture
def other_cohort(other_teacher) -> Cohort:
    return services.create_cohort(instructor=other_teacher, name="Otto's", chapter_ids=[CH])


@pytest.fixture
def watched(client, teacher, cohort):
    """An instructor's client on the overview, with a learner signed in on another client."""
    from .dashboard_helpers import learner

    client.force_login(teacher)
    ann = learner(cohort, "ann")
    ann_client = Client()
    ann_client.force_login(ann)
    return client, ann_client, reverse("cohorts:overview", args=[cohort.pk])
