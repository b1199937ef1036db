"""Export jobs run by the task worker, and the xAPI outbox that a task sends to the LRS."""

from django.conf import settings
from django.db import models


class JobStatus(models.TextChoices):
    """Where an export job stands."""

    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class ExportKind(models.TextChoices):
    """What an export job builds."""

    LEARNER_STATEMENTS = "learner_statements", "Your xAPI statements (JSON lines)"
    COHORT_PDF = "cohort_pdf", "Cohort report (PDF)"
    COHORT_LEARNER_PDFS = "cohort_learner_pdfs", "Every learner's progress report (PDFs in a zip)"
    COHORT_STATEMENTS = "cohort_statements", "The cohort's xAPI statements (JSON lines)"


LEARNER_KINDS = (ExportKind.LEARNER_STATEMENTS,)
"""What a learner prepares from Your exports; the rest are an instructor's, for one cohort."""
COHORT_KINDS = (ExportKind.COHORT_PDF, ExportKind.COHORT_LEARNER_PDFS, ExportKind.COHORT_STATEMENTS)


class ExportJob(models.Model):
    """A file built in the background for the user who asked; only they can download it."""

    public_id = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    kind = models.CharField(max_length=32, choices=ExportKind.choices)
    subject = models.CharField(max_length=100, blank=True, help_text="Chapter or cohort id.")
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="0-100")
    file = models.FileField(upload_to="exports/", blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"]), models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id} ({self.status})"

    @property
    def cohort_id(self) -> int | None:
        """The cohort a cohort export is about (`subject` is "<cohort id>:<chapter id>")."""
        head = self.subject.partition(":")[0]
        return int(head) if self.kind in COHORT_KINDS and head.isdigit() else None

    @property
    def chapter_id(self) -> str:
        """The chapter a cohort export is about."""
        return self.subject.partition(":")[2]

    @property
    def finished(self) -> bool:
        """Done or failed: nothing more will change without a retry."""
        return self.status in {JobStatus.DONE, JobStatus.FAILED}


class OutboxStatement(models.Model):
    """An xAPI statement waiting for (or already given to) the LRS; written with its event."""

    statement_id = models.UUIDField(unique=True)
    statement = models.JSONField()
    created_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.statement_id} ({'sent' if self.sent_at else 'waiting'})"


def recent_jobs(user: object, cohort_id: int, limit: int = 5) -> list[ExportJob]:
    """This user's latest exports about one cohort (one query)."""
    jobs = ExportJob.objects.filter(
        user=user, kind__in=COHORT_KINDS, subject__startswith=f"{cohort_id}:"
    )
    return list(jobs.order_by("-created_at")[:limit])
