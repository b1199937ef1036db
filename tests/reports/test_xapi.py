"""xAPI statement builders: every type validated by ralph's models; ids stable; no identity leaks."""

import uuid
from datetime import UTC, datetime

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from reports import xapi
from reports.xapi import Activity, Site

WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
SITE = Site(url="https://study.example.org", actor_name=xapi.actor_name(42, "key"))
CHAPTER = Activity(path="/chapters/ch/", title="Chapter 8: Networking", type="module")
SECTION = Activity(path="/chapters/ch/hpc/", title="1. HPC networking", type="lesson")
ASSESSMENT = Activity(path="/quiz/chapters/ch/assessments/pre/", title="Pre", type="assessment")
QUESTION = Activity(path="/chapters/ch/questions/q1/", title="Why RDMA?", type="cmi.interaction")
GUIDE = Activity(path="/guides/g/", title="Skill guide: G", type="course")
STEP = Activity(path="/guides/g/projects/p/steps/2/", title="P: step 2", type="objective")
INTERVIEW = Activity(path="/guides/g/interview/iq/", title="Explain VPCs", type="interaction")

STATEMENTS = {
    "section experienced": xapi.section_experienced(
        SITE, chapter=CHAPTER, section=SECTION, when=WHEN
    ),
    "section completed": xapi.section_completed(SITE, chapter=CHAPTER, section=SECTION, when=WHEN),
    "assessment attempted": xapi.assessment_attempted(
        SITE, chapter=CHAPTER, assessment=ASSESSMENT, attempt_id="att1", when=WHEN
    ),
    "assessment completed": xapi.assessment_completed(
        SITE,
        chapter=CHAPTER,
        assessment=ASSESSMENT,
        attempt_id="att1",
        correct=3,
        counted=4,
        passing=0.7,
        when=WHEN,
    ),
    "question answered": xapi.question_answered(
        SITE,
        assessment=ASSESSMENT,
        question=QUESTION,
        choices=[("a", "Latency"), ("b", "Cost")],
        answer_id="a",
        chosen_id="b",
        attempt_id="att1",
        when=WHEN,
    ),
    "practice step": xapi.practice_step_completed(SITE, guide=GUIDE, step=STEP, when=WHEN),
    "practice rating": xapi.practice_rated(
        SITE, guide=GUIDE, question=INTERVIEW, rating="could_answer", when=WHEN
    ),
}


@pytest.mark.parametrize("name", STATEMENTS)
def test_every_statement_type_is_valid_xapi(name):
    BaseXapiStatement(**STATEMENTS[name])


def test_actor_is_a_pseudonymous_account_on_the_site():
    actor = STATEMENTS["section completed"]["actor"]
    assert actor == {
        "objectType": "Agent",
        "account": {"homePage": "https://study.example.org", "name": xapi.actor_name(42, "key")},
    }
    assert xapi.actor_name(42, "key") == xapi.actor_name(42, "key")
    assert xapi.actor_name(42, "key") != xapi.actor_name(43, "key")
    assert xapi.actor_name(42, "key") != xapi.actor_name(42, "other key")
    assert "42" not in xapi.actor_name(42, "key") and len(xapi.actor_name(42, "key")) == 32


def test_statement_ids_are_uuid5_of_the_event_and_differ_between_events():
    again = xapi.section_completed(SITE, chapter=CHAPTER, section=SECTION, when=datetime.now(UTC))
    assert again["id"] == STATEMENTS["section completed"]["id"]  # same event, another moment
    assert uuid.UUID(again["id"]).version == 5
    ids = {s["id"] for s in STATEMENTS.values()}
    assert len(ids) == len(STATEMENTS)


def test_activity_ids_are_urls_of_the_content():
    assert STATEMENTS["section experienced"]["object"]["id"] == (
        "https://study.example.org/chapters/ch/hpc/"
    )
    parent = STATEMENTS["section experienced"]["context"]["contextActivities"]["parent"][0]
    assert parent["id"] == "https://study.example.org/chapters/ch/"


def test_completed_assessment_carries_the_score_and_success():
    result = STATEMENTS["assessment completed"]["result"]
    assert result["score"] == {"scaled": 0.75, "raw": 3, "min": 0, "max": 4}
    assert result["success"] is True and result["completion"] is True
    failed = xapi.assessment_completed(
        SITE,
        chapter=CHAPTER,
        assessment=ASSESSMENT,
        attempt_id="x",
        correct=0,
        counted=0,
        passing=0.7,
        when=WHEN,
    )
    assert failed["result"]["score"]["scaled"] == 0.0 and failed["result"]["success"] is False


def test_answer_is_a_choice_interaction_with_the_correct_pattern_and_response():
    statement = STATEMENTS["question answered"]
    definition = statement["object"]["definition"]
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"] == ["a"]
    assert [c["id"] for c in definition["choices"]] == ["a", "b"]
    assert statement["result"] == {"response": "b", "success": False}
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
