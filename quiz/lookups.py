"""Reading attempts: only ever the requester's own; others (and made-up ids) are a 404."""

from dataclasses import dataclass

from django.db.models import F, FloatField, Q, QuerySet
from django.db.models.functions import Cast, Greatest
from django.http import Http404, HttpRequest

from courses.content.model import Chapter

from . import scoring
from .models import GUEST_KEY, Attempt, AttemptQuestion, Kind, Status
from .state_sql import state_rows

RECENT = 10
"""How many submitted post-study attempts the assessment overview lists."""


def owner(request: HttpRequest) -> Q | None:
    """The filter for the requester's attempts, or None if they can have none."""
    if request.user.is_authenticated:
        return Q(user=request.user)
    key = request.session.get(GUEST_KEY)
    return Q(user__isnull=True, guest_key=key) if key else None


def attempt_or_404(request: HttpRequest, public_id: str) -> Attempt:
    """The requester's attempt with this id; anyone else's is indistinguishable from none."""
    mine = owner(request)
    attempt = Attempt.objects.filter(mine, public_id=public_id).first() if mine else None
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def asked(
    questions: list[AttemptQuestion], answers: dict[int, str], current_ids: set[str]
) -> list[scoring.Asked]:
    """Plain scoring input from an attempt's pinned questions and its answers (by position)."""
    return [
        scoring.Asked(
            question_id=q.question_id,
            answer_id=q.answer_id,
            chosen_id=answers.get(q.position),
            removed=q.question_id not in current_ids,
        )
        for q in questions
    ]


@dataclass(frozen=True, kw_only=True)
class ChapterAssessments:
    """Where a learner stands on a chapter's two assessments (a fixed handful of attempts)."""

    pre: Attempt | None
    post_in_progress: Attempt | None
    """An unfinished post-study attempt, if any."""
    post_first: Attempt | None
    """The first submitted post-study attempt (what an instructor counts)."""
    post_latest: Attempt | None
    """The newest submitted post-study attempt."""
    post_best: Attempt | None
    """The best submitted post-study attempt (earliest of equals)."""
    post_count: int
    """How many post-study attempts were submitted."""

    @property
    def latest_submitted(self) -> Attempt | None:
        """The newest submitted attempt: post-study if any, else pre-study."""
        if self.post_latest:
            return self.post_latest
        return self.pre if self.pre and self.pre.status == Status.SUBMITTED else None

    @property
    def gain(self) -> float | None:
        """g from the pre-study score and the latest submitted post-study score (whole tests)."""
        latest = self.post_latest
        if not (self.pre and self.pre.status == Status.SUBMITTED and latest):
            return None
        pre = 100 * self.pre.correct / max(self.pre.counted, 1)
        post = 100 * latest.correct / max(latest.counted, 1)
        return scoring.normalized_gain(pre, post)


def ratio() -> Cast:
    """An attempt's stored score as a share, for ordering by best."""
    return Cast("correct", FloatField()) / Greatest(F("counted"), 1)


def submitted_posts(attempts: QuerySet[Attempt]) -> QuerySet[Attempt]:
    """Submitted post-study attempts (served by the learner and cohort indexes)."""
    return attempts.filter(kind=Kind.POST, status=Status.SUBMITTED)


def chapter_assessments(request: HttpRequest, chapter: Chapter) -> ChapterAssessments:
    """One query, whatever the number of attempts: at most five rows and a count."""
    if request.user.is_authenticated:
        rows = state_rows(user_id=request.user.pk, guest_key=None, chapter_id=chapter.id)
    elif key := request.session.get(GUEST_KEY):
        rows = state_rows(user_id=None, guest_key=key, chapter_id=chapter.id)
    else:
        return _state([], 0)
    return _state(rows, rows[0].post_count if rows else 0)


def _state(rows: list[Attempt], post_count: int) -> ChapterAssessments:
    """Which of the (at most five) rows is which: the first, latest and best are among them."""
    done = [a for a in rows if a.kind == Kind.POST and a.status == Status.SUBMITTED]
    by_time = sorted(done, key=lambda a: (a.submitted_at, a.pk))
    best = sorted(done, key=lambda a: (-a.correct / max(a.counted, 1), a.submitted_at, a.pk))
    return ChapterAssessments(
        pre=next((a for a in rows if a.kind == Kind.PRE), None),
        post_in_progress=next(
            (a for a in rows if a.kind == Kind.POST and a.status == Status.IN_PROGRESS), None
        ),
        post_first=by_time[0] if by_time else None,
        post_latest=by_time[-1] if by_time else None,
        post_best=best[0] if best else None,
        post_count=post_count,
    )


def has_submitted_post(request: HttpRequest, chapter: Chapter) -> bool:
    """Whether the requester has submitted a post-study attempt (one indexed EXISTS query)."""
    if not request.user.is_authenticated:
        return False
    attempts = Attempt.objects.filter(owner(request), chapter_id=chapter.id)
    return submitted_posts(attempts).exists()


def recent_posts(request: HttpRequest, chapter: Chapter) -> list[Attempt]:
    """The newest submitted post-study attempts, at most RECENT of them (one query)."""
    if not request.user.is_authenticated:
        return []
    attempts = Attempt.objects.filter(owner(request), chapter_id=chapter.id)
    return list(submitted_posts(attempts).order_by("-submitted_at", "-pk")[:RECENT])


def pre_attempt(request: HttpRequest, chapter: Chapter) -> Attempt | None:
    """The requester's pre-study attempt for the chapter, if any."""
    mine = owner(request)
    if mine is None:
        return None
    return Attempt.objects.filter(mine, chapter_id=chapter.id, kind=Kind.PRE).first()
