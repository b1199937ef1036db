"""Post-study attempts for many learners at once: first, latest and best, in one query."""

from dataclasses import dataclass

from django.db.models import F, Q, Window
from django.db.models.aggregates import Count
from django.db.models.functions import RowNumber

from .lookups import ratio, submitted_posts
from .models import Attempt


@dataclass(frozen=True, kw_only=True)
class PostAttempts:
    """One learner's submitted post-study attempts in a chapter, as instructors count them."""

    first: Attempt
    latest: Attempt
    best: Attempt
    """Highest share correct, earliest of equals."""
    count: int


def post_attempts(user_ids: list[int], chapter_id: str) -> dict[int, PostAttempts]:
    """User id to their first, latest and best post-study attempt: one windowed query."""
    by_user = {"partition_by": [F("user_id")]}
    rows = (
        submitted_posts(Attempt.objects.filter(user_id__in=user_ids, chapter_id=chapter_id))
        .annotate(
            first_rank=Window(
                RowNumber(), order_by=[F("submitted_at").asc(), F("pk").asc()], **by_user
            ),
            latest_rank=Window(
                RowNumber(), order_by=[F("submitted_at").desc(), F("pk").desc()], **by_user
            ),
            best_rank=Window(
                RowNumber(),
                order_by=[ratio().desc(), F("submitted_at").asc(), F("pk").asc()],
                **by_user,
            ),
            total=Window(Count("pk"), **by_user),
        )
        .filter(Q(first_rank=1) | Q(latest_rank=1) | Q(best_rank=1))
    )
    picked: dict[int, dict[str, object]] = {}
    for row in rows:
        mine = picked.setdefault(row.user_id, {"count": row.total})
        for role in ("first", "latest", "best"):
            if getattr(row, f"{role}_rank") == 1:
                mine[role] = row
    return {user_id: PostAttempts(**found) for user_id, found in picked.items()}
