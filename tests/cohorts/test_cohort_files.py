"""Cohort files: exact columns, figures equal to the report, anonymized labels, guards, 404s."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from courses.models import SectionProgress
from reports.cohort_files import ITEM_COLUMNS, LEARNER_COLUMNS, SECTION_COLUMNS
from reports.cohort_responses import RESPONSE_COLUMNS

from .conftest import CH
from .dashboard_helpers import Q1, Q2, SECTION, learner, sit

pytestmark = pytest.mark.django_db


def url(cohort, name: str, query: str = "") -> str:
    return f"/teach/cohorts/{cohort.pk}/files/{name}{query}"


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


def header(response) -> list[str]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return next(csv.reader(io.StringIO(body[1:])))


@pytest.fixture
def hand_cohort(cohort):
    """Five learners; Q1 moves WR, WW, RW and Q2 RR, WR, RR over the three matched ones."""
    ann = learner(cohort, "ann")
    sit(ann, "pre", {Q1: "a", Q2: "b"}, 30)
    sit(ann, "post", {Q1: "b", Q2: "b"}, 10)
    SectionProgress.objects.create(
        user=ann,
        chapter_id=CH,
        section_id=SECTION,
        content_version="v",
        opened_at=timezone.now(),
        completed_at=timezone.now(),
    )
    bob = learner(cohort, "bob")
    sit(bob, "pre", {Q1: "a", Q2: "a"}, 30)
    sit(bob, "post", {Q1: "a", Q2: "b"}, 10)
    sit(bob, "post", {Q1: "b", Q2: "b"}, 5)
    cat = learner(cohort, "cat")
    sit(cat, "pre", {Q1: "b", Q2: "b"}, 30)
    sit(cat, "post", {Q1: "c", Q2: "b"}, 10)
    sit(learner(cohort, "dan"), "pre", {Q1: "a", Q2: "b"}, 30)
    learner(cohort, "eve")
    return cohort


@pytest.fixture
def as_teacher(client, teacher):
    client.force_login(teacher)
    return client


def test_columns_are_exactly_the_documented_ones(as_teacher, hand_cohort):
    assert header(as_teacher.get(url(hand_cohort, "learners.csv"))) == LEARNER_COLUMNS
    assert header(as_teacher.get(url(hand_cohort, "sections.csv"))) == SECTION_COLUMNS
    items = header(as_teacher.get(url(hand_cohort, "items.csv")))
    assert items[: len(ITEM_COLUMNS)] == ITEM_COLUMNS
    assert items[len(ITEM_COLUMNS) :][:2] == ["choice_a_pre", "choice_a_post"]
    assert LEARNER_COLUMNS[:4] == ["cohort", "learner_key", "display_name", "email"]
    assert ITEM_COLUMNS[-1] == "stubborn_count" and SECTION_COLUMNS[-1] == "n_matched"


def test_learners_csv_has_the_hand_computed_figures(as_teacher, hand_cohort):
    rows = {
        r["display_name"]: r for r in read_csv(as_teacher.get(url(hand_cohort, "learners.csv")))
    }
    assert rows["ann"]["pre_pct"] == "50.0" and rows["ann"]["post_first_pct"] == "100.0"
    assert rows["ann"]["gain_g"] == "1.0" and rows["ann"]["status"] == "post_done"
    assert rows["bob"]["post_first_pct"] == "50.0" and rows["bob"]["post_best_pct"] == "100.0"
    assert rows["bob"]["post_attempts"] == "2"
    assert rows["cat"]["gain_g"] == "" and rows["cat"]["change_c"] == "-0.5"  # undefined: empty
    assert rows["bob"]["pre_pct"] == "0.0"  # a 0 % score is 0, never empty
    assert rows["eve"]["pre_pct"] == "" and rows["eve"]["post_attempts"] == "0"
    assert rows["ann"]["joined_at"].endswith("Z")


def test_items_and_sections_and_summary_agree_with_the_report(as_teacher, hand_cohort):
    items = {r["item_id"]: r for r in read_csv(as_teacher.get(url(hand_cohort, "items.csv")))}
    assert (items[Q1]["rr"], items[Q1]["rw"], items[Q1]["wr"], items[Q1]["ww"]) == (
        "0",
        "1",
        "1",
        "1",
    )
    assert items[Q2]["n"] == "3"
    summary = json.loads(as_teacher.get(url(hand_cohort, "summary.json")).content)
    figures = summary["figures"]
    assert (figures["enrolled"], figures["matched"]) == (5, 3)
    assert figures["class_gain"]["value"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["mean_pre"] == {"value": 50.0, "n": 3, "reason": None}
    assert summary["anonymized"] is False and summary["generated_at"].endswith("Z")
    sections = read_csv(as_teacher.get(url(hand_cohort, "sections.csv")))
    assert sections[0]["section_id"] == "hpc-networking" and sections[0]["n_completed"] == "1"


def test_anonymized_files_use_fresh_labels_and_no_names(as_teacher, hand_cohort):
    first = read_csv(as_teacher.get(url(hand_cohort, "learners.csv", "?anonymized=1")))
    assert [r["learner_key"] for r in first] == ["L01", "L02", "L03", "L04", "L05"]
    assert all(r["display_name"] == "" and r["email"] == "" for r in first)
    body = b"".join(
        as_teacher.get(url(hand_cohort, "learners.csv", "?anonymized=1")).streaming_content
    )
    assert b"ann" not in body and b"bob" not in body
    response = as_teacher.get(url(hand_cohort, "summary.json", "?anonymized=1"))
    assert "anonymized" in response["Content-Disposition"]


def test_anonymized_files_are_refused_below_five_learners(as_teacher, cohort):
    learner(cohort, "ann")
    response = as_teacher.get(url(cohort, "learners.csv", "?anonymized=1"))
    assert response.status_code == 422
    assert "at least 5 learners; this cohort has 1" in response.content.decode()


def test_text_cells_are_guarded_against_formulas(as_teacher, cohort):
    user = learner(cohort, "eve")
    User.objects.filter(pk=user.pk).update(first_name="=HYPERLINK(1)", email="@x@example.com")
    row = read_csv(as_teacher.get(url(cohort, "learners.csv")))[0]
    assert row["display_name"] == "'=HYPERLINK(1)" and row["email"] == "'@x@example.com"


def test_other_instructors_learners_and_unknown_files_get_404(client, other_teacher, hand_cohort):
    client.force_login(other_teacher)
    assert client.get(url(hand_cohort, "learners.csv")).status_code == 404
    ann = User.objects.get(username="ann")
    client.force_login(ann)
    assert client.get(url(hand_cohort, "learners.csv")).status_code == 404
    client.force_login(hand_cohort.instructors.get())
    assert client.get(url(hand_cohort, "secrets.csv")).status_code == 404
    assert client.get(url(hand_cohort, "items.csv", "?chapter=nope")).status_code == 404


def test_responses_csv_has_one_row_per_learner_attempt_and_item(as_teacher, hand_cohort):
    response = as_teacher.get(url(hand_cohort, "responses.csv"))
    rows = read_csv(response)
    assert list(rows[0]) == RESPONSE_COLUMNS
    assert len(rows) == 2 * 8  # ann 2, bob 3, cat 2, dan 1 attempts of two items
    bob = [r for r in rows if r["learner_key"] == str(User.objects.get(username="bob").pk)]
    assert [r["attempt_no"] for r in bob if r["kind"] == "post"] == ["1", "1", "2", "2"]
    assert {r["correct"] for r in rows} == {"0", "1"} and rows[0]["answered_at"].endswith("Z")
    labels = read_csv(as_teacher.get(url(hand_cohort, "responses.csv", "?anonymized=1")))
    assert {r["learner_key"] for r in labels} <= {"L01", "L02", "L03", "L04", "L05"}
