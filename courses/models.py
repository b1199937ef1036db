"""Learner state for reading and practice. Rows point at content by stable string ids."""

from django.conf import settings
from django.db import models


class SectionProgress(models.Model):
    """One learner's progress through one section: first opened, and completed when they say so."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="section_progress",
        db_index=False,  # the unique constraint below starts with user
    )
    chapter_id = models.CharField(max_length=100)
    section_id = models.CharField(max_length=100)
    content_version = models.CharField(max_length=32, help_text="Section version last seen.")
    opened_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "chapter_id", "section_id"], name="one_progress_row_per_section"
            )
        ]
        indexes = [
            # A cohort's reading: completion counts by chapter and section.
            models.Index(
                fields=["chapter_id", "section_id", "completed_at"], name="progress_by_section"
            )
        ]
        verbose_name_plural = "section progress"

    def __str__(self) -> str:
        return f"{self.user} · {self.chapter_id}/{self.section_id}"


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
        db_index=False,  # the unique constraint below starts with user
    )
    guide_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=PracticeKind.choices)
    item_id = models.CharField(max_length=200, help_text="project-id.step-number or question id")
    value = models.CharField(max_length=16, choices=PracticeValue.choices)
    content_version = models.CharField(max_length=32)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "guide_id", "kind", "item_id"], name="one_mark_per_practice_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.guide_id} {self.kind} {self.item_id}: {self.value}"
