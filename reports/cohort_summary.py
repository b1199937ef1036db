"""Instructor home figures per cohort and chapter, from a constant number of aggregate queries."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, NullIf

from cohorts.models import Cohort, Membership
from courses.models import PracticeMark, SectionProgress
from quiz.models import Attempt

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True, kw_only=True)
class ChapterFigures:
    """One cohort's assessment figures in one chapter."""

    chapter_id: str
    title: str
    """The chapter's title (its id when no longer in the course)."""
    pre_done: int
    """Learners with a submitted pre-study assessment."""
    post_done: int
    """Learners with a submitted post-study assessment."""
    matched: int
    """Learners with both."""
    mean_pre: float | None
    """Mean pre % over matched learners."""
    mean_post: float | None
    """Mean first-post % over matched learners."""
    class_gain: float | None
    """<g> = (mean post - mean pre) / (100 - mean pre); None when undefined."""


@dataclass(frozen=True, kw_only=True)
class CohortSummary:
    """One row of the instructor home."""

    cohort: Cohort
    learners: int
    """Active members who are not its instructors."""
    chapters: list[ChapterFigures]
    last_activity: datetime.datetime | None
    """Latest visible reading, practice or assessment activity of its learners."""


def class_gain(mean_pre: float | None, mean_post: float | None) -> float | None:
    """Hake's class gain from the two means; undefined without data or when pre is 100."""
    if mean_pre is None or mean_post is None or mean_pre >= 100:
        return None
    return (mean_post - mean_pre) / (100 - mean_pre)


def learner_memberships(cohorts: QuerySet[Cohort] | list[Cohort]) -> QuerySet[Membership]:
    """Active memberships of these cohorts minus their instructors, with `since` visible."""
    teaches = Cohort.instructors.through.objects.filter(
        cohort_id=OuterRef("cohort_id"), user_id=OuterRef("user_id")
    )
    since = Case(When(share_before_joining=True, then=Value(EPOCH)), default=F("joined_at"))
    return (
        Membership.objects.filter(cohort__in=cohorts, left_at=None)
        .exclude(Exists(teaches))
        .annotate(since=since)
    )


def _percent(kind: str, chapter_id: str, first: bool) -> Subquery:
    attempts = Attempt.objects.filter(
        user_id=OuterRef("user_id"),
        chapter_id=chapter_id,
        kind=kind,
        status="submitted",
        submitted_at__gte=OuterRef("since"),
    ).order_by("submitted_at" if first else "-submitted_at")
    pct = Cast(F("correct"), FloatField()) * 100.0 / NullIf(F("counted"), 0)
    return Subquery(attempts.annotate(pct=pct).values("pct")[:1], output_field=FloatField())


def _chapter_rows(cohorts: list[Cohort], chapter_id: str) -> dict[int, dict]:
    rows = (
        learner_memberships(cohorts)
        .annotate(pre=_percent("pre", chapter_id, True), post=_percent("post", chapter_id, True))
        .values("cohort_id")
        .annotate(
            pre_done=Count("id", filter=Q(pre__isnull=False)),
            post_done=Count("id", filter=Q(post__isnull=False)),
            matched=Count("id", filter=Q(pre__isnull=False, post__isnull=False)),
            mean_pre=Avg("pre", filter=Q(post__isnull=False)),
            mean_post=Avg("post", filter=Q(pre__isnull=False)),
        )
    )
    return {r.pop("cohort_id"): r for r in rows}


def _figures(chapter_id: str, title: str, r: dict) -> ChapterFigures:
    gain = class_gain(r["mean_pre"], r["mean_post"])
    return ChapterFigures(chapter_id=chapter_id, title=title, class_gain=gain, **r)


def _last_activity(cohorts: list[Cohort]) -> dict[int, datetime.datetime]:
    latest: dict[int, datetime.datetime] = {}
    sources = [
        (Attempt, "started_at"),
        (Attempt, "submitted_at"),
        (SectionProgress, "opened_at"),
        (SectionProgress, "completed_at"),
        (PracticeMark, "updated_at"),
    ]
    for model, stamp in sources:
        rows = (
            learner_memberships(cohorts)
            .annotate(at=Subquery(_latest(model, stamp)))
            .filter(at__gte=F("since"))
            .values("cohort_id")
            .annotate(last=Max("at"))
        )
        for r in rows:
            latest[r["cohort_id"]] = max(r["last"], latest.get(r["cohort_id"], r["last"]))
    return latest


def _latest(model: type, stamp: str) -> QuerySet:
    mine = model.objects.filter(user_id=OuterRef("user_id"), **{f"{stamp}__isnull": False})
    return mine.order_by(f"-{stamp}").values(stamp)[:1]


def summarize(cohorts: list[Cohort], chapters: dict[str, str]) -> list[CohortSummary]:
    """Home rows for these cohorts, given the course's chapters (id: title).

    One query per course chapter plus six, whatever the number of learners or cohorts.
    """
    members = learner_memberships(cohorts).values("cohort_id").annotate(n=Count("id"))
    learners = {r["cohort_id"]: r["n"] for r in members}
    per_chapter = {ch: _chapter_rows(cohorts, ch) for ch in chapters}
    latest = _last_activity(cohorts)
    empty = {"pre_done": 0, "post_done": 0, "matched": 0, "mean_pre": None, "mean_post": None}

    def figures(cohort: Cohort, ch: str) -> ChapterFigures:
        row = per_chapter.get(ch, {}).get(cohort.pk, empty)
        return _figures(ch, chapters.get(ch, ch), dict(row))

    return [
        CohortSummary(
            cohort=c,
            learners=learners.get(c.pk, 0),
            chapters=[figures(c, ch) for ch in c.chapter_ids],
            last_activity=latest.get(c.pk),
        )
        for c in cohorts
    ]
