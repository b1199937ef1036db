"""What the quiz pages show, built from an attempt's pinned questions and answers."""

from dataclasses import dataclass

from courses.catalog import get_course
from courses.content.model import Chapter

from . import scoring
from .lookups import asked, chapter_assessments
from .models import Answer, Attempt, AttemptQuestion, Kind, Status


@dataclass(frozen=True, kw_only=True)
class ShownQuestion:
    """One question on the take or results page."""

    q: AttemptQuestion
    chosen: dict | None
    """The chosen choice (token, id, text, why_wrong_html), if answered."""
    right: dict
    removed: bool
    section_url: str
    section_title: str
    change: str = ""
    """For a post-study attempt: how it moved since the pre-study one."""

    @property
    def correct(self) -> bool:
        """Answered right."""
        return self.chosen is not None and self.chosen["id"] == self.q.answer_id


def _answers(attempt: Attempt) -> dict[str, Answer]:
    return {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}


def take_context(attempt: Attempt, chapter: Chapter) -> dict:
    """The take page: prompts and shuffled choices with opaque values. Never the key."""
    questions = list(attempt.questions.all())
    answers = _answers(attempt)
    items = []
    for q in questions:
        chosen = answers.get(q.question_id)
        token = next((c["token"] for c in q.choices if chosen and c["id"] == chosen.choice_id), "")
        options = [{"token": c["token"], "text": c["text"]} for c in q.choices]
        items.append({"position": q.position, "prompt": q.prompt, "options": options,
                      "chosen": token})  # fmt: skip
    return {"attempt": attempt, "chapter": chapter, "items": items,
            "answered": len(answers), "total": len(questions)}  # fmt: skip


def results_context(attempt: Attempt, chapter: Chapter, request: object) -> dict:
    """The results page: score, each question explained, changes since pre, review plan."""
    current = {q.id for q in chapter.questions}
    questions = list(attempt.questions.all())
    answers = {qid: a.choice_id for qid, a in _answers(attempt).items()}
    result = scoring.score(asked(questions, answers, current))
    comparison = _comparison(attempt, questions, answers, current, request, chapter)
    shown = [_shown(q, answers, current, chapter, comparison) for q in questions]
    review = _review(shown, chapter)
    changes = []
    if comparison:
        labels = (
            ("Wrong → right", "↗", "wrong_to_right"),
            ("Right → wrong", "↘", "right_to_wrong"),
            ("Still wrong", "✗", "still_wrong"),
            ("Kept right", "✓", "kept_right"),
        )
        changes = [(label, icon, comparison.count(kind)) for label, icon, kind in labels]
    return {"attempt": attempt, "chapter": chapter, "result": result, "shown": shown,
            "comparison": comparison, "changes": changes, "review": review}  # fmt: skip


def _comparison(attempt, questions, answers, current, request, chapter):
    if attempt.kind != Kind.POST:
        return None
    pre = chapter_assessments(request, chapter).pre
    if not pre or pre.status != Status.SUBMITTED:
        return None
    pre_answers = {a.question_id: a.choice_id for a in Answer.objects.filter(attempt=pre)}
    before = asked(list(pre.questions.all()), pre_answers, current)
    return scoring.compare(before, asked(questions, answers, current))


def _shown(q, answers, current, chapter, comparison) -> ShownQuestion:
    section = chapter.section(q.section_id)
    chosen = next((c for c in q.choices if c["id"] == answers.get(q.question_id)), None)
    url = section.url + (f"#{q.anchor}" if q.anchor else "") if section else ""
    return ShownQuestion(
        q=q, chosen=chosen, right=next(c for c in q.choices if c["id"] == q.answer_id),
        removed=q.question_id not in current, section_url=url,
        section_title=section.title if section else "(section no longer in the course)",
        change=comparison.changes.get(q.question_id, "") if comparison else "",
    )  # fmt: skip


def review_plan(attempt: Attempt | None, chapter: Chapter) -> list[tuple[object, list]]:
    """Sections and questions still missed in a submitted attempt (for Your Progress)."""
    if attempt is None or attempt.status != Status.SUBMITTED:
        return []
    current = {q.id for q in chapter.questions}
    answers = {qid: a.choice_id for qid, a in _answers(attempt).items()}
    shown = [_shown(q, answers, current, chapter, None) for q in attempt.questions.all()]
    return _review(shown, chapter)


def _review(shown: list[ShownQuestion], chapter: Chapter) -> list[tuple[object, list]]:
    """Sections behind the questions still missed, in reading order."""
    missed: dict[str, list[ShownQuestion]] = {}
    for s in shown:
        if not s.removed and not s.correct:
            missed.setdefault(s.q.section_id, []).append(s)
    return [(sec, missed[sec.id]) for sec in chapter.sections if sec.id in missed]


def content_version() -> str:
    """The content version an attempt records."""
    return get_course().content_hash
