"""The learner's own export: everything kept about them, as JSON and as a guarded CSV."""

import csv
import io
import json
import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.utils import timezone

from cohorts.models import Cohort, Membership, RosterEntry
from courses.catalog import get_course
from reports.exports import create_job
from reports.learner_files import HEADER
from reports.models import ExportKind, OutboxStatement
from reports.xapi_learner import section_statement
from tests.reports.test_learner_report import take

CH = "networking-security"
OUR_APPS = {"accounts", "courses", "quiz", "cohorts", "reports"}
pytestmark = pytest.mark.django_db


def _rows_of(user: User) -> dict[str, object]:
    """For each model of ours that holds learner data: the user's rows in the database."""
    return {
        "courses.SectionProgress": lambda m: m.objects.filter(user=user),
        "courses.PracticeMark": lambda m: m.objects.filter(user=user),
        "quiz.Attempt": lambda m: m.objects.filter(user=user),
        "quiz.AttemptQuestion": lambda m: m.objects.filter(attempt__user=user),
        "quiz.Answer": lambda m: m.objects.filter(attempt__user=user),
        "cohorts.Cohort": lambda m: m.objects.filter(instructors=user),
        "cohorts.Membership": lambda m: m.objects.filter(user=user),
        "cohorts.RosterEntry": lambda m: m.objects.filter(email__iexact=user.email),
        "reports.ExportJob": lambda m: m.objects.filter(user=user),
    }


EXPORTED = {
    "courses.SectionProgress": lambda d: len(d["reading"]),
    "courses.PracticeMark": lambda d: len(d["practice"]),
    "quiz.Attempt": lambda d: len(d["attempts"]),
    "quiz.AttemptQuestion": lambda d: sum(len(a["questions"]) for a in d["attempts"]),
    "quiz.Answer": lambda d: sum(
        q["answered_at"] is not None for a in d["attempts"] for q in a["questions"]
    ),
    "cohorts.Cohort": lambda d: len(d["teaching"]),
    "cohorts.Membership": lambda d: len(d["cohort_memberships"]),
    "cohorts.RosterEntry": lambda d: len(d["roster_entries"]),
    "reports.ExportJob": lambda d: len(d["export_jobs"]),
}
"""How many of each model's rows the export holds."""


def learner_models() -> set[str]:
    """Models of our apps related to the user (or a guest key), directly or through a parent."""
    ours = [m for m in apps.get_models() if m._meta.app_label in OUR_APPS]
    user_model = apps.get_model(settings.AUTH_USER_MODEL)

    def points_to(model: type[models.Model], targets: set) -> bool:
        return any(
            f.is_relation and f.concrete and f.related_model in targets
            for f in model._meta.get_fields()
        ) or any(f.name == "guest_key" for f in model._meta.get_fields())

    direct = {m for m in ours if points_to(m, {user_model})}
    children = {m for m in ours if points_to(m, direct)}
    return {m._meta.label for m in direct | children}


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("@lin", "lin@example.com", password="a-long-pass-phrase-p")
    client.force_login(user)
    return user


def keep_everything(client: Client, user: User) -> None:
    """One or more rows of every kind kept about a learner."""
    client.post(f"/chapters/{CH}/hpc-networking/complete/")
    client.post("/guides/k8s-gpu-security/projects/harden-serving-container/steps/2/", {"done": 1})
    take(client, "pre", right=False)
    take(client, "post", right=True)
    cohort = Cohort.objects.create(name="=SUM(A1:A9)", join_code="ABC123", invite_token="t1")
    cohort.instructors.add(user)
    Membership.objects.create(cohort=cohort, user=user, joined_at=timezone.now())
    RosterEntry.objects.create(cohort=cohort, email="LIN@example.com", name="Lin")
    create_job(user=user, kind=ExportKind.LEARNER_STATEMENTS)
    chapter = get_course().chapter(CH)
    statement = section_statement(
        user.pk, chapter, chapter.sections[0], completed=True, when=timezone.now()
    )
    OutboxStatement.objects.create(
        statement_id=uuid.UUID(statement["id"]),
        statement=statement,
        created_at=timezone.now(),
        next_try_at=timezone.now(),
    )


def test_every_model_that_holds_learner_data_appears_in_the_export(client, learner):
    keep_everything(client, learner)
    other = User.objects.create_user("sam", "sam@example.com", password="a-long-pass-phrase-p")
    # Another learner's row stays out.
    Membership.objects.create(cohort=Cohort.objects.get(), user=other, joined_at=timezone.now())
    data = json.loads(client.get("/progress/export.json").content)
    rows = _rows_of(learner)
    missing = learner_models() - set(EXPORTED)
    assert not missing, f"learner data not exported: {missing}"
    for label in learner_models():
        kept = rows[label](apps.get_model(label))
        assert kept.count() > 0, f"the test keeps no {label} row"
        assert EXPORTED[label](data) == kept.count(), label
    assert len(data["xapi_statements"]) == 1
    assert data["account"] == {
        "username": "@lin",
        "email": "lin@example.com",
        "date_joined": data["account"]["date_joined"],
    }


def test_each_question_is_exported_as_asked_with_titles_beside_ids(client, learner):
    keep_everything(client, learner)
    data = json.loads(client.get("/progress/export.json").content)
    pre = next(a for a in data["attempts"] if a["kind"] == "pre")
    asked = pre["questions"][0]
    assert asked["prompt"] and asked["section_title"] and len(asked["options"]) >= 2
    assert asked["choice_text"] in [o["text"] for o in asked["options"]]
    assert asked["is_correct"] is False and asked["answered_at"].endswith("Z")
    assert pre["correct"] == 0 and pre["counted"] == len(pre["questions"])
    assert data["practice"][0]["item_title"].endswith("step 2")
    assert data["practice"][0]["guide_title"]
    chapter = data["chapters"][0]
    assert (chapter["pre_percent"], chapter["post_percent"], chapter["gain"]) == (0, 100, 1.0)


def test_csv_has_a_bom_a_stable_header_and_guards_formulas(client, learner):
    keep_everything(client, learner)
    response = client.get("/progress/export.csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert list(rows[0]) == HEADER
    account = next(r for r in rows if r["record_type"] == "account")
    assert account["name"] == "'@lin"
    membership = next(r for r in rows if r["record_type"] == "cohort_membership")
    assert membership["name"] == "'=SUM(A1:A9)" and membership["finished_at"] == ""
    pre = next(r for r in rows if r["record_type"] == "attempt" and r["kind"] == "pre")
    assert (pre["correct"], pre["percent"]) == ("0", "0")  # a 0 % score is 0, not empty
    answer = next(r for r in rows if r["record_type"] == "answer")
    assert answer["is_correct"] == "0" and answer["finished_at"].endswith("Z")
    assert response["Content-Disposition"] == 'attachment; filename="study-hall-progress.csv"'


def test_a_guest_exports_their_own_rows_and_nothing_else(client, learner):
    keep_everything(client, learner)
    guest = Client()
    guest.post(f"/chapters/{CH}/hpc-networking/complete/")
    take(guest, "pre", right=True)
    data = json.loads(guest.get("/progress/export.json").content)
    assert data["account"] is None
    assert len(data["reading"]) == 1 and len(data["attempts"]) == 1
    assert data["practice"] == [] and data["cohort_memberships"] == []
    assert json.loads(Client().get("/progress/export.json").content)["attempts"] == []
