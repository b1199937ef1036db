"""Per-section scores of a pre- and a post-study attempt, for the chapter's completion moment."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from courses.content.model import Chapter

from .models import Answer, Attempt, AttemptQuestion


@dataclass(frozen=True, kw_only=True)
class SectionChange:
    """One section's questions answered right before and after study."""

    section: object
    total: int
    before: int
    after: int

    @property
    def improved(self) -> bool:
        """More right after study than before."""
        return self.after > self.before


def changes(
    chapter: Chapter, pre: list[tuple[str, bool]], post: list[tuple[str, bool]]
) -> list[SectionChange]:
    """Pure: (section id, right?) pairs of each attempt, tallied per current section in order."""
    result = []
    for section in chapter.sections:
        before = [ok for sid, ok in pre if sid == section.id]
        after = [ok for sid, ok in post if sid == section.id]
        if after:
            result.append(
                SectionChange(
                    section=section, total=len(after), before=sum(before), after=sum(after)
                )
            )
    return result


def section_changes(chapter: Chapter, pre: Attempt, post: Attempt) -> list[SectionChange]:
    """The two attempts' questions with whether each was answered right (one query)."""
    right = Answer.objects.filter(
        attempt=OuterRef("attempt"), position=OuterRef("position"), is_correct=True
    )
    rows = AttemptQuestion.objects.filter(attempt__in=[pre.pk, post.pk]).values_list(
        "attempt", "version__section_id", Exists(right)
    )
    pairs: dict[int, list[tuple[str, bool]]] = {pre.pk: [], post.pk: []}
    for attempt_pk, section_id, ok in rows:
        pairs[attempt_pk].append((section_id, ok))
    return changes(chapter, pairs[pre.pk], pairs[post.pk])
