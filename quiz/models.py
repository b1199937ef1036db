"""Assessment attempts: each pins the questions it asked and keeps every answer given."""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q

from .tokens import decode_order, token

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
    # Indexed by the learner index below (it starts with user), so no index of its own.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attempts",
        db_index=False,
    )
    guest_key = models.CharField(max_length=64, blank=True)
    chapter_id = models.CharField(max_length=100)
    assessment_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_PROGRESS)
    content_version = models.CharField(max_length=32)
    question_count = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    """Stored at submission (or by `manage.py rescore`), never recomputed by a page."""
    counted = models.PositiveSmallIntegerField(null=True, blank=True)
    answers_revealed_at = models.DateTimeField(null=True, blank=True)
    """When the learner chose to see a pre-study attempt's answers before the post-study one
    (their learning gain then means less, and every page that shows it says so)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "chapter_id"],
                condition=Q(kind="pre"),
                name="one_pre_study_attempt_per_learner",
            ),
            # Also the guests' lookup index: guests only ever have pre-study attempts.
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
        indexes = [
            # One learner: pre, open post, first/latest post (LIMIT 1), count of submitted.
            models.Index(
                fields=["user", "chapter_id", "kind", "status", "submitted_at"],
                name="attempt_learner",
            ),
            # A cohort: attempts by chapter, kind, status and time (dashboards, first post).
            models.Index(
                fields=["chapter_id", "kind", "status", "submitted_at"], name="attempt_cohort"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} attempt {self.public_id} ({self.status})"


class QuestionVersion(models.Model):
    """One version of a question as it was asked, stored once for every attempt that asked it."""

    question_id = models.CharField(max_length=100)
    version = models.CharField(max_length=32)
    section_id = models.CharField(max_length=100)
    anchor = models.CharField(max_length=200, blank=True)
    prompt = models.TextField()
    choices = models.JSONField(help_text="Authored order: [{id, text, why_wrong_html}]")
    answer_id = models.CharField(max_length=100)
    explanation_html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question_id", "version"], name="one_row_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.question_id}@{self.version}"


class AttemptQuestion(models.Model):
    """A question as asked in one attempt: its position, the version asked, the shuffle."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="questions", db_index=False
    )
    position = models.PositiveSmallIntegerField()
    version = models.ForeignKey(
        QuestionVersion, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    order = models.CharField(max_length=36, help_text="Shown order of the version's choices.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="one_question_per_position"
            ),
        ]
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position} {self.version_id}"

    @property
    def question_id(self) -> str:
        """The content id of the question asked."""
        return self.version.question_id

    @property
    def prompt(self) -> str:
        """The prompt as asked."""
        return self.version.prompt

    @property
    def answer_id(self) -> str:
        """Id of the right choice, as asked."""
        return self.version.answer_id

    @property
    def explanation_html(self) -> str:
        """The explanation as asked."""
        return self.version.explanation_html

    @property
    def section_id(self) -> str:
        """The section that teaches it."""
        return self.version.section_id

    @property
    def anchor(self) -> str:
        """Heading anchor in that section, or empty."""
        return self.version.anchor

    @cached_property
    def choices(self) -> list[dict]:
        """Shown order: [{token, id, text, why_wrong_html}], tokens derived, not stored."""
        stored = self.version.choices
        public_id = self.attempt.public_id
        return [
            {**stored[i], "token": token(public_id, self.position, stored[i]["id"])}
            for i in decode_order(self.order)
        ]


class Answer(models.Model):
    """The learner's current choice for one question of one attempt."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    position = models.PositiveSmallIntegerField()
    choice_id = models.CharField(max_length=100)
    is_correct = models.BooleanField()
    """Against the key of the version asked; final once the attempt is submitted."""
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position}: {self.choice_id}"
