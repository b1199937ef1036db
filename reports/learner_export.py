"""Everything kept about one learner (or guest), as plain data: the source of their JSON and CSV."""

from datetime import UTC, datetime

from django.db.models import Q

from cohorts.models import Cohort, Membership, RosterEntry
from courses.catalog import get_course
from courses.models import PracticeKind, PracticeMark, SectionProgress
from courses.owners import Owner
from quiz.models import Attempt
from quiz.tokens import decode_order

from .learner import learner_report
from .models import ExportJob, OutboxStatement
from .xapi_content import site_for


def _utc(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def learner_export(owner: Owner | None, user: object | None, *, now: datetime) -> dict:
    """Read every row kept about the owner (None: a guest who has none) with titles beside ids."""
    course = get_course()
    data: dict = {
        "exported_at": _utc(now),
        "course": {"id": course.id, "content_version": course.content_hash},
        "account": _account(user),
        "reading": [],
        "practice": [],
        "attempts": [],
        "chapters": [],
        "cohort_memberships": [],
        "roster_entries": [],
        "teaching": [],
        "export_jobs": [],
        "xapi_statements": [],
    }
    if owner is None:
        return data
    rows = owner.rows
    data["reading"] = [_reading(r) for r in SectionProgress.objects.filter(**rows).order_by("id")]
    data["practice"] = [_practice(m) for m in PracticeMark.objects.filter(**rows).order_by("id")]
    data["attempts"] = [_attempt(a) for a in _attempts(rows)]
    if user is None:
        return data
    data["chapters"] = [_chapter(c.id, learner_report(user, c)) for c in course.chapters]
    memberships = Membership.objects.filter(user=user).select_related("cohort").order_by("id")
    data["cohort_memberships"] = [_membership(m) for m in memberships]
    entries = RosterEntry.objects.filter(email__iexact=user.email).select_related("cohort")
    roster = entries.order_by("id") if user.email else []
    data["roster_entries"] = [_roster(r) for r in roster]
    data["teaching"] = [_teaching(c) for c in user.teaching.order_by("id")]
    data["export_jobs"] = [_job(j) for j in ExportJob.objects.filter(user=user).order_by("id")]
    name = site_for(user.pk).actor_name
    outbox = OutboxStatement.objects.filter(Q(statement__actor__account__name=name)).order_by("id")
    data["xapi_statements"] = [_statement(s) for s in outbox]
    return data


def _account(user: object | None) -> dict | None:
    if user is None:
        return None
    return {
        "username": user.get_username(),
        "email": user.email,
        "date_joined": _utc(user.date_joined),
    }


def _reading(row: SectionProgress) -> dict:
    chapter = get_course().chapter(row.chapter_id)
    section = chapter.section(row.section_id) if chapter else None
    return {
        "chapter_id": row.chapter_id,
        "chapter_title": chapter.title if chapter else None,
        "section_id": row.section_id,
        "section_title": section.title if section else None,
        "content_version": row.content_version,
        "opened_at": _utc(row.opened_at),
        "completed_at": _utc(row.completed_at),
    }


def _item_title(guide: object, kind: str, item_id: str) -> str | None:
    if guide is None:
        return None
    if kind == PracticeKind.INTERVIEW:
        return next((q.question for q in guide.interview_questions if q.id == item_id), None)
    project_id, _, number = item_id.rpartition(".")
    project = next((p for p in guide.projects if p.id == project_id), None)
    if project is None or not number.isdigit() or not 1 <= int(number) <= len(project.steps):
        return None
    return f"{project.title}, step {number}"


def _practice(mark: PracticeMark) -> dict:
    guide = get_course().guide(mark.guide_id)
    return {
        "guide_id": mark.guide_id,
        "guide_title": guide.title if guide else None,
        "kind": mark.kind,
        "item_id": mark.item_id,
        "item_title": _item_title(guide, mark.kind, mark.item_id),
        "value": mark.value,
        "content_version": mark.content_version,
        "updated_at": _utc(mark.updated_at),
    }


def _attempts(rows: dict) -> list[Attempt]:
    attempts = Attempt.objects.filter(**rows).order_by("started_at", "id")
    return list(attempts.prefetch_related("questions__version", "answers"))


def _attempt(attempt: Attempt) -> dict:
    chapter = get_course().chapter(attempt.chapter_id)
    answers = {a.position: a for a in attempt.answers.all()}
    return {
        "attempt_id": attempt.public_id,
        "chapter_id": attempt.chapter_id,
        "chapter_title": chapter.title if chapter else None,
        "assessment_id": attempt.assessment_id,
        "kind": attempt.kind,
        "status": attempt.status,
        "content_version": attempt.content_version,
        "started_at": _utc(attempt.started_at),
        "submitted_at": _utc(attempt.submitted_at),
        "answers_revealed_at": _utc(attempt.answers_revealed_at),
        "correct": attempt.correct,
        "counted": attempt.counted,
        "questions": [_asked(q, answers.get(q.position), chapter) for q in attempt.questions.all()],
    }


def _asked(question: object, answer: object, chapter: object) -> dict:
    version = question.version
    shown = [version.choices[i] for i in decode_order(question.order)]
    texts = {c["id"]: c["text"] for c in shown}
    section = chapter.section(version.section_id) if chapter else None
    return {
        "position": question.position,
        "question_id": version.question_id,
        "question_version": version.version,
        "section_id": version.section_id,
        "section_title": section.title if section else None,
        "prompt": version.prompt,
        "options": [{"id": c["id"], "text": c["text"]} for c in shown],
        "right_choice_id": version.answer_id,
        "choice_id": answer.choice_id if answer else None,
        "choice_text": texts.get(answer.choice_id) if answer else None,
        "is_correct": answer.is_correct if answer else None,
        "answered_at": _utc(answer.answered_at) if answer else None,
    }


def _chapter(chapter_id: str, report: object) -> dict:
    pre, post = report.pre, report.post
    return {
        "chapter_id": chapter_id,
        "chapter": report.chapter,
        "content_version": report.content_version,
        "sections_completed": report.completed,
        "sections_total": len(report.sections),
        "percent_complete": report.percent,
        "pre_correct": pre.correct if pre else None,
        "pre_counted": pre.counted if pre else None,
        "pre_percent": round(pre.percent) if pre else None,
        "post_correct": post.correct if post else None,
        "post_counted": post.counted if post else None,
        "post_percent": round(post.percent) if post else None,
        "gain": report.gain,
    }


def _membership(membership: Membership) -> dict:
    return {
        "cohort": membership.cohort.name,
        "joined_at": _utc(membership.joined_at),
        "left_at": _utc(membership.left_at),
        "share_before_joining": membership.share_before_joining,
    }


def _roster(entry: RosterEntry) -> dict:
    return {
        "cohort": entry.cohort.name,
        "email": entry.email,
        "name": entry.name,
        "created_at": _utc(entry.created_at),
    }


def _teaching(cohort: Cohort) -> dict:
    return {"cohort": cohort.name, "created_at": _utc(cohort.created_at)}


def _job(job: ExportJob) -> dict:
    return {
        "job_id": job.public_id,
        "kind": job.kind,
        "subject": job.subject,
        "status": job.status,
        "created_at": _utc(job.created_at),
        "finished_at": _utc(job.finished_at),
        "expires_at": _utc(job.expires_at),
    }


def _statement(row: OutboxStatement) -> dict:
    return {
        "statement_id": str(row.statement_id),
        "verb": row.statement.get("verb", {}).get("id"),
        "object": row.statement.get("object", {}).get("id"),
        "created_at": _utc(row.created_at),
        "sent_at": _utc(row.sent_at),
    }
