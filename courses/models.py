"""Learner state for reading and practice. Rows point at content by stable string ids."""

from django.conf import settings
from django.db import models
from django.db.models import Q

OWNED = Q(user__isnull=False, guest_key="") | (Q(user__isnull=True) & ~Q(guest_key=""))
"""A row belongs to exactly one owner: an account, or a guest's key (until they sign in)."""


def owner_constraints(prefix: str, fields: list[str]) -> list[models.BaseConstraint]:
    """One row per item per account, one per item per guest, and exactly one owner."""
    return [
        models.UniqueConstraint(
            fields=["user", *fields], condition=Q(user__isnull=False), name=f"{prefix}_per_user"
        ),
        models.UniqueConstraint(
            fields=["guest_key", *fields],
            condition=Q(user__isnull=True),
            name=f"{prefix}_per_guest",
        ),
        models.CheckConstraint(condition=OWNED, name=f"{prefix}_has_one_owner"),
    ]


class SectionProgress(models.Model):
    """One learner's progress through one section: first opened, and completed when they say so."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="section_progress",
        null=True,
        blank=True,
        db_index=False,  # the unique constraints below start with user
    )
    guest_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=False,  # the guest unique constraint below starts with guest_key
        help_text="A guest's key (see quiz GUEST_KEY).",
    )
    chapter_id = models.CharField(max_length=100)
    section_id = models.CharField(max_length=100)
    content_version = models.CharField(max_length=32, help_text="Section version last seen.")
    opened_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = owner_constraints("one_progress_row", ["chapter_id", "section_id"])
        indexes = [
            # A cohort's reading: completion counts by chapter and section.
            models.Index(
                fields=["chapter_id", "section_id", "completed_at"], name="progress_by_section"
            )
        ]
        verbose_name_plural = "section progress"

    def __str__(self) -> str:
        return f"{self.user or 'guest'} · {self.chapter_id}/{self.section_id}"


class PracticeKind(models.TextChoices):
    """What a practice mark is about."""

    STEP = "step", "Project step"
    INTERVIEW = "interview", "Interview question"


class PracticeValue(models.TextChoices):
    """A practice mark's value."""

    DONE = "done", "Done"
    COULD_ANSWER = "could_answer", "I could answer this"
    NEEDS_WORK = "needs_work", "Needs work"


class PracticeMark(models.Model):
    """A ticked project step or an interview self-rating in a skill guide."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_marks",
        null=True,
        blank=True,
        db_index=False,  # the unique constraints below start with user
    )
    guest_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=False,  # the guest unique constraint below starts with guest_key
        help_text="A guest's key (see quiz GUEST_KEY).",
    )
    guide_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=PracticeKind.choices)
    item_id = models.CharField(max_length=200, help_text="project-id.step-number or question id")
    value = models.CharField(max_length=16, choices=PracticeValue.choices)
    content_version = models.CharField(max_length=32)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = owner_constraints("one_practice_mark", ["guide_id", "kind", "item_id"])

    def __str__(self) -> str:
        return f"{self.user or 'guest'} · {self.guide_id} {self.kind} {self.item_id}: {self.value}"
