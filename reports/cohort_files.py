"""Cohort files drawn from `cohort_report`: learners, items and sections CSV, and summary JSON."""

import secrets
from collections.abc import Iterator
from datetime import UTC

from django.contrib.auth import get_user_model

from .cohort import CohortReport
from .stats import Figure, Interval

MIN_ANONYMIZED = 5
"""Anonymized files are refused below this many learners (too easy to re-identify)."""

LEARNER_COLUMNS = [
    "cohort",
    "learner_key",
    "display_name",
    "email",
    "joined_at",
    "status",
    "sections_completed",
    "sections_total",
    "pre_submitted_at",
    "pre_correct",
    "pre_pct",
    "post_first_submitted_at",
    "post_first_correct",
    "post_first_pct",
    "post_best_pct",
    "post_latest_pct",
    "post_attempts",
    "gain_g",
    "change_c",
    "last_activity_at",
]
ITEM_COLUMNS = [
    "item_id",
    "item_version",
    "section_id",
    "n",
    "p_pre",
    "p_pre_lo",
    "p_pre_hi",
    "p_post",
    "p_post_lo",
    "p_post_hi",
    "rr",
    "rw",
    "wr",
    "ww",
    "item_gain",
    "mcnemar_p",
    "discrimination_pre",
    "random_guess",
    "top_wrong_choice_pre",
    "top_wrong_choice_post",
    "stubborn_count",
]
SECTION_COLUMNS = [
    "section_id",
    "title",
    "n_learners",
    "n_completed",
    "completion_pct",
    "n_items",
    "pre_pct",
    "post_pct",
    "gain_g",
    "n_matched",
]


class TooFewLearnersError(Exception):
    """An anonymized file was asked for a cohort with fewer than MIN_ANONYMIZED learners."""


def utc(moment: object) -> str | None:
    """ISO 8601 UTC with a Z, or None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def num(figure: Figure | Interval | float | None, digits: int = 4) -> float | None:
    """A figure's value as a plain rounded number, None when undefined."""
    value = figure.value if isinstance(figure, Figure | Interval) else figure
    return None if value is None else round(value, digits)


def learner_keys(report: CohortReport, *, anonymized: bool) -> dict[int, str]:
    """User id to the key written in the files: the id, or a fresh label L01, L02... shuffled."""
    ids = [r.user_id for r in report.learners]
    if not anonymized:
        return {i: str(i) for i in ids}
    if len(ids) < MIN_ANONYMIZED:
        raise TooFewLearnersError(
            f"An anonymized export needs at least {MIN_ANONYMIZED} learners; "
            f"this cohort has {len(ids)}."
        )
    shuffled = sorted(ids, key=lambda _: secrets.randbits(64))
    width = max(2, len(str(len(ids))))
    return {user_id: f"L{n:0{width}d}" for n, user_id in enumerate(shuffled, start=1)}


def learner_records(
    report: CohortReport, keys: dict[int, str], *, anonymized: bool
) -> Iterator[dict]:
    """learners.csv rows, in the report's order (by name; shuffled labels when anonymized)."""
    emails = {} if anonymized else _emails([r.user_id for r in report.learners])
    rows = report.learners
    if anonymized:
        rows = sorted(rows, key=lambda r: keys[r.user_id])
    for r in rows:
        yield {
            "cohort": report.cohort_name,
            "learner_key": keys[r.user_id],
            "display_name": None if anonymized else r.display_name,
            "email": emails.get(r.user_id) or None,
            "joined_at": utc(r.joined_at),
            "status": r.status,
            "sections_completed": r.sections_completed,
            "sections_total": r.sections_total,
            "pre_submitted_at": utc(r.pre_submitted_at),
            "pre_correct": r.pre_correct,
            "pre_pct": num(r.pre_pct, 2),
            "post_first_submitted_at": utc(r.post_first_submitted_at),
            "post_first_correct": r.post_first_correct,
            "post_first_pct": num(r.post_first_pct, 2),
            "post_best_pct": num(r.post_best_pct, 2),
            "post_latest_pct": num(r.post_latest_pct, 2),
            "post_attempts": r.post_attempts,
            "gain_g": num(r.gain_g),
            "change_c": num(r.change_c),
            "last_activity_at": utc(r.last_activity_at),
        }


def _emails(user_ids: list[int]) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=user_ids)
    return dict(users.values_list("pk", "email"))


def item_columns(report: CohortReport) -> list[str]:
    """items.csv header: the fixed columns, then choice_<id>_pre/_post for every choice seen."""
    extra: list[str] = []
    for item in report.items:
        for choice_id, _, _ in item.choice_counts:
            for column in (f"choice_{choice_id}_pre", f"choice_{choice_id}_post"):
                if column not in extra:
                    extra.append(column)
    return ITEM_COLUMNS + extra


def item_records(report: CohortReport) -> Iterator[dict]:
    """items.csv rows, one per question version."""
    for i in report.items:
        t = i.transitions
        row = {
            "item_id": i.item_id,
            "item_version": i.item_version,
            "section_id": i.section_id,
            "n": i.n,
            "p_pre": num(i.p_pre),
            "p_pre_lo": num(i.p_pre.lo),
            "p_pre_hi": num(i.p_pre.hi),
            "p_post": num(i.p_post),
            "p_post_lo": num(i.p_post.lo),
            "p_post_hi": num(i.p_post.hi),
            "rr": t.rr,
            "rw": t.rw,
            "wr": t.wr,
            "ww": t.ww,
            "item_gain": num(i.item_gain),
            "mcnemar_p": num(i.mcnemar_p),
            "discrimination_pre": num(i.discrimination_pre),
            "random_guess": num(i.random_guess),
            "top_wrong_choice_pre": i.top_wrong_choice_pre or None,
            "top_wrong_choice_post": i.top_wrong_choice_post or None,
            "stubborn_count": i.stubborn_count,
        }
        for choice_id, pre, post in i.choice_counts:
            row[f"choice_{choice_id}_pre"] = pre
            row[f"choice_{choice_id}_post"] = post
        yield row


def section_records(report: CohortReport) -> Iterator[dict]:
    """sections.csv rows, in the chapter's order."""
    for s in report.sections:
        yield {
            "section_id": s.section_id,
            "title": s.title,
            "n_learners": s.n_learners,
            "n_completed": s.n_completed,
            "completion_pct": num(s.completion_pct, 2),
            "n_items": s.n_items,
            "pre_pct": num(s.pre_pct, 2),
            "post_pct": num(s.post_pct, 2),
            "gain_g": num(s.gain_g),
            "n_matched": s.n_matched,
        }
