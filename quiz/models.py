"""Assessment attempts: each pins the questions it asked and keeps every answer given."""

from django.conf import settings
from django.db import models
from django.db.models import Q

GUEST_KEY = "sh_quiz_guest"
"""Session key of a guest's attempt key (attempts are owned by it until the guest signs in)."""


class Kind(models.TextChoices):
    """Which assessment of a chapter."""

    PRE = "pre", "Pre-study"
    POST = "post", "Post-study"


class Status(models.TextChoices):
    """Where an attempt stands."""

    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    SKIPPED = "skipped", "Skipped"


class Attempt(models.Model):
    """One sitting of an assessment by a learner (or a guest, until they sign in)."""

    public_id = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="attempts",
    )  # fmt: skip
    guest_key = models.CharField(max_length=64, blank=True, db_index=True)
    chapter_id = models.CharField(max_length=100)
    assessment_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_PROGRESS)
    content_version = models.CharField(max_length=32)
    question_count = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    counted = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "chapter_id"],
                condition=Q(kind="pre"),
                name="one_pre_study_attempt_per_learner",
            ),
            models.UniqueConstraint(
                fields=["guest_key", "chapter_id"],
                condition=Q(kind="pre", user__isnull=True),
                name="one_pre_study_attempt_per_guest",
            ),
            models.UniqueConstraint(
                fields=["user", "chapter_id"],
                condition=Q(kind="post", status="in_progress"),
                name="one_open_post_study_attempt_per_learner",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_key=""), name="attempt_has_an_owner"
            ),
        ]
        indexes = [models.Index(fields=["user", "chapter_id", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} attempt {self.public_id} ({self.status})"


class AttemptQuestion(models.Model):
    """A question as it was asked in one attempt: shuffled choices, opaque values, its key."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    question_id = models.CharField(max_length=100)
    question_version = models.CharField(max_length=32)
    section_id = models.CharField(max_length=100)
    anchor = models.CharField(max_length=200, blank=True)
    prompt = models.TextField()
    choices = models.JSONField(help_text="Shown order: [{token, id, text, why_wrong_html}]")
    answer_id = models.CharField(max_length=100)
    explanation_html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="question_once_per_attempt"
            ),
            models.UniqueConstraint(
                fields=["attempt", "position"], name="one_question_per_position"
            ),
        ]
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position} {self.question_id}"


class Answer(models.Model):
    """The learner's current choice for one question of one attempt."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=100)
    choice_id = models.CharField(max_length=100)
    choice_text = models.TextField()
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} {self.question_id}: {self.choice_id}"
