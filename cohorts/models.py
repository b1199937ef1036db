"""Cohorts, their members and pre-assigned roster entries."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Cohort(models.Model):
    """A group of learners following some chapters, taught by one or more instructors."""

    name = models.CharField(max_length=120)
    chapter_ids = models.JSONField(default=list, help_text="Content chapter ids it follows.")
    instructors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teaching")
    join_code = models.CharField(max_length=6)
    code_open = models.BooleanField(default=True, help_text="Whether the join code works.")
    invite_token = models.CharField(max_length=64, unique=True)
    link_open = models.BooleanField(default=True, help_text="Whether the invite link works.")
    seat_limit = models.PositiveIntegerField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True, help_text="Last day joining works.")
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    activity = models.PositiveBigIntegerField(
        default=0, help_text="Bumped by every write its overview shows (cohorts/activity.py)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["join_code"],
                condition=Q(archived_at__isnull=True),
                name="join_code_unique_among_open_cohorts",
            )
        ]
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def archived(self) -> bool:
        """Archived cohorts are read-only."""
        return self.archived_at is not None


class Membership(models.Model):
    """A learner in a cohort, from joined_at until left_at."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)
    share_before_joining = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=Q(left_at__isnull=True),
                name="one_active_membership_per_cohort",
            )
        ]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort}"


class RosterEntry(models.Model):
    """An email pre-assigned to a cohort: its account joins when it signs up."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="roster")
    email = models.EmailField()
    name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "email"], name="email_once_per_roster")
        ]
        indexes = [models.Index(fields=["email"])]
        verbose_name_plural = "roster entries"

    def __str__(self) -> str:
        return f"{self.email} for {self.cohort}"
