"""xAPI statement builders: pure functions from plain event data to statement dicts.

Actors are pseudonymous accounts (an HMAC of the user id, never a name or email); activity ids
are stable URLs of the content; statement ids are UUID5s of the event, so a statement built twice
is the same statement and an LRS stores it once.
"""

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime

NAMESPACE = uuid.UUID("5f0c7c61-9d47-4b8e-9f0a-2f6f3c1d8e11")
"""Namespace of Study Hall statement ids (uuid5 over the event identity)."""
VERB = "http://adlnet.gov/expapi/verbs/"
ACTIVITY = "http://adlnet.gov/expapi/activities/"
VERBS = {
    "experienced": "experienced",
    "completed": "completed",
    "attempted": "attempted",
    "answered": "answered",
    "responded": "responded",
}


@dataclass(frozen=True, kw_only=True)
class Site:
    """Who the statements are about and where the content lives."""

    url: str
    """The site's base URL, without a trailing slash."""
    actor_name: str
    """The learner's opaque account name (see `actor_name`)."""


@dataclass(frozen=True, kw_only=True)
class Activity:
    """A piece of content: its path on the site, title and xAPI activity type."""

    path: str
    title: str
    type: str


def actor_name(user_id: int, key: str) -> str:
    """A stable opaque id for a user: HMAC-SHA256 of the id, so it reveals nothing by itself."""
    digest = hmac.new(key.encode(), f"xapi-actor:{user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def statement_id(site: Site, *identity: str) -> str:
    """The deterministic id of one event."""
    return str(uuid.uuid5(NAMESPACE, "|".join((site.url, site.actor_name, *identity))))


def _object(site: Site, activity: Activity, extra: dict | None = None) -> dict:
    definition = {"name": {"en-US": activity.title}, "type": ACTIVITY + activity.type}
    return {
        "objectType": "Activity",
        "id": site.url + activity.path,
        "definition": {**definition, **(extra or {})},
    }


def _statement(
    site: Site,
    verb: str,
    obj: dict,
    when: datetime,
    *,
    identity: tuple[str, ...],
    parents: tuple[Activity, ...] = (),
    result: dict | None = None,
) -> dict:
    statement = {
        "id": statement_id(site, verb, *identity),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": site.url, "name": site.actor_name},
        },
        "verb": {"id": VERB + VERBS[verb], "display": {"en-US": verb}},
        "object": obj,
        "timestamp": when.isoformat(),
    }
    if parents:
        statement["context"] = {
            "contextActivities": {"parent": [_object(site, p) for p in parents]}
        }
    if result is not None:
        statement["result"] = result
    return statement


def section_experienced(
    site: Site, *, chapter: Activity, section: Activity, when: datetime
) -> dict:
    """The learner opened a section."""
    return _statement(
        site,
        "experienced",
        _object(site, section),
        when,
        identity=(section.path,),
        parents=(chapter,),
    )


def section_completed(site: Site, *, chapter: Activity, section: Activity, when: datetime) -> dict:
    """The learner marked a section complete."""
    return _statement(
        site,
        "completed",
        _object(site, section),
        when,
        identity=(section.path,),
        parents=(chapter,),
        result={"completion": True},
    )


def assessment_attempted(
    site: Site, *, chapter: Activity, assessment: Activity, attempt_id: str, when: datetime
) -> dict:
    """The learner started an attempt at an assessment."""
    return _statement(
        site,
        "attempted",
        _object(site, assessment),
        when,
        identity=(attempt_id,),
        parents=(chapter,),
    )


def assessment_completed(
    site: Site,
    *,
    chapter: Activity,
    assessment: Activity,
    attempt_id: str,
    correct: int,
    counted: int,
    passing: float,
    when: datetime,
) -> dict:
    """The learner submitted an attempt: score scaled/raw/min/max and success against `passing`."""
    scaled = round(correct / counted, 4) if counted else 0.0
    result = {
        "score": {"scaled": scaled, "raw": correct, "min": 0, "max": counted},
        "success": scaled >= passing,
        "completion": True,
    }
    return _statement(
        site,
        "completed",
        _object(site, assessment),
        when,
        identity=(attempt_id,),
        parents=(chapter,),
        result=result,
    )


def question_answered(
    site: Site,
    *,
    assessment: Activity,
    question: Activity,
    choices: list[tuple[str, str]],
    answer_id: str,
    chosen_id: str | None,
    attempt_id: str,
    when: datetime,
) -> dict:
    """One answer as a cmi.interaction `choice`: the choices, the right one, the response."""
    interaction = {
        "interactionType": "choice",
        "correctResponsesPattern": [answer_id],
        "choices": [{"id": cid, "description": {"en-US": text}} for cid, text in choices],
    }
    result = {"response": chosen_id or "", "success": chosen_id == answer_id}
    obj = _object(site, question, interaction)
    return _statement(
        site,
        "answered",
        obj,
        when,
        identity=(attempt_id, question.path),
        parents=(assessment,),
        result=result,
    )


def practice_step_completed(site: Site, *, guide: Activity, step: Activity, when: datetime) -> dict:
    """The learner ticked a project step in a skill guide."""
    return _statement(
        site,
        "completed",
        _object(site, step),
        when,
        identity=(step.path,),
        parents=(guide,),
        result={"completion": True},
    )


def practice_rated(
    site: Site, *, guide: Activity, question: Activity, rating: str, when: datetime
) -> dict:
    """The learner rated their answer to an interview question (`could_answer`/`needs_work`)."""
    return _statement(
        site,
        "responded",
        _object(site, question),
        when,
        identity=(question.path, rating),
        parents=(guide,),
        result={"response": rating},
    )
