"""Reading attempts: only ever the requester's own; others (and made-up ids) are a 404."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404, HttpRequest

from courses.content.model import Chapter

from . import scoring
from .models import GUEST_KEY, Answer, Attempt, AttemptQuestion, Kind, Status


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
    questions: list[AttemptQuestion], answers: dict[str, str], current_ids: set[str]
) -> list[scoring.Asked]:
    """Plain scoring input from an attempt's pinned questions and its answers."""
    return [
        scoring.Asked(
            question_id=q.question_id,
            answer_id=q.answer_id,
            chosen_id=answers.get(q.question_id),
            removed=q.question_id not in current_ids,
        )
        for q in questions
    ]


@dataclass(frozen=True, kw_only=True)
class ChapterAssessments:
    """Where a learner stands on a chapter's two assessments."""

    pre: Attempt | None
    posts: tuple[Attempt, ...]
    """Post-study attempts, newest first."""

    @property
    def post_latest(self) -> Attempt | None:
        """The newest post-study attempt."""
        return self.posts[0] if self.posts else None

    @property
    def post_in_progress(self) -> Attempt | None:
        """An unfinished post-study attempt, if any."""
        return next((a for a in self.posts if a.status == Status.IN_PROGRESS), None)

    @property
    def post_submitted(self) -> tuple[Attempt, ...]:
        """Submitted post-study attempts, newest first."""
        return tuple(a for a in self.posts if a.status == Status.SUBMITTED)

    @property
    def post_best(self) -> Attempt | None:
        """The best submitted post-study attempt (earliest of equals)."""
        done = sorted(self.post_submitted, key=lambda a: (-a.correct / max(a.counted, 1),
                                                          a.submitted_at))  # fmt: skip
        return done[0] if done else None

    @property
    def latest_submitted(self) -> Attempt | None:
        """The newest submitted attempt: post-study if any, else pre-study."""
        if self.post_submitted:
            return self.post_submitted[0]
        return self.pre if self.pre and self.pre.status == Status.SUBMITTED else None

    @property
    def gain(self) -> float | None:
        """g from the pre-study score and the latest submitted post-study score (whole tests)."""
        latest = self.post_submitted[0] if self.post_submitted else None
        if not (self.pre and self.pre.status == Status.SUBMITTED and latest):
            return None
        pre = 100 * self.pre.correct / max(self.pre.counted, 1)
        post = 100 * latest.correct / max(latest.counted, 1)
        return scoring.normalized_gain(pre, post)


def _rescore(submitted: list[Attempt], current_ids: set[str]) -> None:
    """Score submitted attempts against the questions still in the course, in one query.

    The stored score is the one given at submission; when a question has since been removed
    it no longer counts, so every page shows the same score as the results page.
    """
    if not submitted:
        return
    chosen = Answer.objects.filter(attempt=OuterRef("attempt"), question_id=OuterRef("question_id"))
    rows = (
        AttemptQuestion.objects.filter(attempt__in=submitted, question_id__in=current_ids)
        .annotate(chosen=Subquery(chosen.values("choice_id")[:1]))
        .values_list("attempt_id", "answer_id", "chosen")
    )
    tally = {a.pk: [0, 0] for a in submitted}
    for attempt_id, answer_id, picked in rows:
        tally[attempt_id][0] += answer_id == picked
        tally[attempt_id][1] += 1
    for attempt in submitted:
        attempt.correct, attempt.counted = tally[attempt.pk]


def chapter_assessments(request: HttpRequest, chapter: Chapter) -> ChapterAssessments:
    """One query: the requester's attempts for the chapter, with answered counts."""
    mine = owner(request)
    if mine is None:
        return ChapterAssessments(pre=None, posts=())
    attempts = list(
        Attempt.objects.filter(mine, chapter_id=chapter.id)
        .annotate(answered=Count("answers"))
        .order_by("-started_at")
    )
    _rescore(
        [a for a in attempts if a.status == Status.SUBMITTED], {q.id for q in chapter.questions}
    )
    pre = next((a for a in attempts if a.kind == Kind.PRE), None)
    return ChapterAssessments(pre=pre, posts=tuple(a for a in attempts if a.kind == Kind.POST))
