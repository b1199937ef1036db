"""The learner's export rendered as files: JSON as kept, CSV as one flat table of records."""

import json
from collections.abc import Iterator

HEADER = [
    "record_type",
    "chapter_id",
    "chapter_title",
    "section_id",
    "section_title",
    "guide_id",
    "guide_title",
    "item_id",
    "item_title",
    "attempt_id",
    "assessment_id",
    "kind",
    "status",
    "position",
    "question_id",
    "question_version",
    "prompt",
    "options",
    "right_choice_id",
    "choice_id",
    "choice_text",
    "is_correct",
    "value",
    "correct",
    "counted",
    "percent",
    "gain",
    "content_version",
    "started_at",
    "finished_at",
    "name",
    "email",
]
"""Stable CSV columns: each record type fills the ones that apply, the rest stay empty."""


def to_json(data: dict) -> str:
    """The export as pretty JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def csv_records(data: dict) -> Iterator[dict]:
    """One flat record per kept row, in the order of the JSON."""
    account = data["account"]
    if account:
        yield {
            "record_type": "account",
            "name": account["username"],
            "email": account["email"],
            "started_at": account["date_joined"],
        }
    for r in data["reading"]:
        yield {
            **r,
            "record_type": "section",
            "started_at": r["opened_at"],
            "finished_at": r["completed_at"],
        }
    for m in data["practice"]:
        yield {**m, "record_type": "practice", "finished_at": m["updated_at"]}
    for a in data["attempts"]:
        yield from _attempt_records(a)
    for c in data["chapters"]:
        yield from _chapter_records(c)
    for m in data["cohort_memberships"]:
        yield {
            "record_type": "cohort_membership",
            "name": m["cohort"],
            "value": int(m["share_before_joining"]),
            "started_at": m["joined_at"],
            "finished_at": m["left_at"],
        }
    for r in data["roster_entries"]:
        yield {
            "record_type": "roster_entry",
            "name": r["cohort"],
            "email": r["email"],
            "item_title": r["name"],
            "started_at": r["created_at"],
        }
    for t in data["teaching"]:
        yield {"record_type": "teaching", "name": t["cohort"], "started_at": t["created_at"]}
    for j in data["export_jobs"]:
        yield {
            "record_type": "export_job",
            "item_id": j["job_id"],
            "kind": j["kind"],
            "name": j["subject"],
            "status": j["status"],
            "started_at": j["created_at"],
            "finished_at": j["finished_at"],
        }
    for s in data["xapi_statements"]:
        yield {
            "record_type": "xapi_statement",
            "item_id": s["statement_id"],
            "kind": s["verb"],
            "name": s["object"],
            "started_at": s["created_at"],
            "finished_at": s["sent_at"],
        }


def _attempt_records(a: dict) -> Iterator[dict]:
    percent = round(100 * a["correct"] / a["counted"]) if a["counted"] else None
    yield {**a, "record_type": "attempt", "percent": percent, "finished_at": a["submitted_at"]}
    for q in a["questions"]:
        options = " | ".join(f"{o['id']}: {o['text']}" for o in q["options"])
        yield {
            **q,
            "record_type": "answer",
            "attempt_id": a["attempt_id"],
            "chapter_id": a["chapter_id"],
            "chapter_title": a["chapter_title"],
            "kind": a["kind"],
            "options": options,
            "finished_at": q["answered_at"],
        }


def _chapter_records(c: dict) -> Iterator[dict]:
    yield {
        "record_type": "chapter_reading",
        "chapter_id": c["chapter_id"],
        "chapter_title": c["chapter"],
        "correct": c["sections_completed"],
        "counted": c["sections_total"],
        "percent": c["percent_complete"],
        "content_version": c["content_version"],
    }
    for kind in ("pre", "post"):
        if c[f"{kind}_counted"] is not None:
            yield {
                "record_type": "chapter_score",
                "chapter_id": c["chapter_id"],
                "chapter_title": c["chapter"],
                "kind": kind,
                "correct": c[f"{kind}_correct"],
                "counted": c[f"{kind}_counted"],
                "percent": c[f"{kind}_percent"],
                "gain": c["gain"],
            }
