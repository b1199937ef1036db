"""Cohort exports built by the worker: the cohort PDF, every learner's PDF in a zip, statements.

Each builder checks again that the instructor who asked still teaches the cohort and that the
cohort still follows the chapter: a job queued before a co-instructor was removed builds nothing.
"""

import re
import tempfile
import unicodedata
import zipfile
from datetime import datetime
from typing import IO

from django.utils import timezone

from cohorts.models import Cohort, Membership
from courses.catalog import get_course
from courses.content.model import Chapter

from .cohort_cache import cached_report
from .cohort_pdf import cohort_pdf_context
from .cohort_summary import EPOCH, learner_memberships
from .exports import Progress
from .learner import learner_report
from .models import ExportJob
from .pdf import render_pdf
from .xapi_learner import learner_statements, to_json_lines


class NotTaughtError(Exception):
    """The instructor no longer teaches the cohort, or it no longer follows the chapter."""


def taught(job: ExportJob) -> tuple[Cohort, Chapter]:
    """The job's cohort and chapter, if its instructor still teaches it (else NotTaughtError)."""
    cohort = Cohort.objects.filter(pk=job.cohort_id, instructors=job.user).first()
    if cohort is None:
        raise NotTaughtError("you no longer teach this cohort")
    chapter = get_course().chapter(job.chapter_id)
    if chapter is None or chapter.id not in (cohort.chapter_ids or []):
        raise NotTaughtError("this cohort no longer follows that chapter")
    return cohort, chapter


def member_since(membership: Membership) -> datetime:
    """What a cohort sees of a member: everything, or only from joining (their choice)."""
    return EPOCH if membership.share_before_joining else membership.joined_at


def member_pdf(membership: Membership, chapter: Chapter) -> bytes:
    """A member's chapter report as a PDF: the drill-down's download and the zip's entries."""
    from .views import report_context

    report = learner_report(membership.user, chapter, since=member_since(membership))
    return render_pdf("reports/learner_report_pdf.html", report_context(report, chapter.id))


def safe_name(display_name: str, user_id: int) -> str:
    """`<slug of the name>-<user id>.pdf`: ASCII letters, digits and dashes, never a path."""
    ascii_name = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'learner'}-{user_id}.pdf"


def _members(cohort: Cohort) -> list[Membership]:
    found = learner_memberships([cohort]).select_related("user")
    return list(found.order_by("user__first_name", "user__last_name", "user__username", "id"))


def _reporter(progress: Progress, total: int) -> Progress:
    """Calls progress(percent) only when the whole percent changes (one UPDATE each)."""
    last = [-1]

    def done(n: int) -> None:
        percent = n * 100 // max(total, 1)
        if percent != last[0]:
            last[0] = percent
            progress(percent)

    return done


def cohort_pdf(job: ExportJob, progress: Progress) -> tuple[str, bytes]:
    """The cohort's report as a PDF, from the same report object as the overview."""
    cohort, chapter = taught(job)
    report = cached_report(cohort, now=timezone.now(), chapter_id=chapter.id)
    progress(30)
    pdf = render_pdf("reports/cohort_report_pdf.html", cohort_pdf_context(cohort, report))
    return f"cohort-{cohort.pk}-{chapter.id}-report.pdf", pdf


def learner_pdfs(job: ExportJob, progress: Progress) -> tuple[str, IO[bytes]]:
    """Every current member's chapter PDF in one zip, written through a temporary file."""
    cohort, chapter = taught(job)
    members = _members(cohort)
    done = _reporter(progress, len(members))
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (handed to the job's file, which closes it)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
        for n, membership in enumerate(members, start=1):
            user = membership.user
            name = user.get_full_name() or user.username
            archive.writestr(safe_name(name, user.pk), member_pdf(membership, chapter))
            done(n)
    spool.seek(0)
    return f"cohort-{cohort.pk}-{chapter.id}-learner-reports.zip", spool


def cohort_statements(job: ExportJob, progress: Progress) -> tuple[str, bytes]:
    """Every member's xAPI statements about the cohort's chapters, as they share them."""
    cohort, _ = taught(job)
    members = _members(cohort)
    done = _reporter(progress, len(members))
    lines = []
    for n, membership in enumerate(members, start=1):
        statements = learner_statements(
            membership.user, since=member_since(membership), chapter_ids=cohort.chapter_ids
        )
        lines.append(to_json_lines(statements))
        done(n)
    return f"cohort-{cohort.pk}-xapi.jsonl", "".join(lines).encode()
