"""What the quiz pages show, built from an attempt's pinned questions and answers."""

from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from courses.catalog import get_course
from courses.content.model import Chapter

from . import charts, feedback, scoring
from .lookups import asked, has_submitted_post, pre_attempt
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


def _answers(attempt: Attempt) -> dict[int, str]:
    """Position to chosen choice id."""
    return dict(Answer.objects.filter(attempt=attempt).values_list("position", "choice_id"))


def questions(attempt: Attempt) -> list[AttemptQuestion]:
    """The attempt's questions with the versions asked (one query)."""
    return list(attempt.questions.select_related("version"))


def take_context(attempt: Attempt, chapter: Chapter) -> dict:
    """The take page: prompts and shuffled choices with opaque values. Never the key."""
    asked_questions = questions(attempt)
    answers = _answers(attempt)
    items = []
    for q in asked_questions:
        chosen = answers.get(q.position)
        token = next((c["token"] for c in q.choices if c["id"] == chosen), "")
        options = [{"token": c["token"], "text": c["text"]} for c in q.choices]
        items.append(
            {
                "position": q.position,
                "prompt": q.prompt,
                "options": options,
                "options_html": option_cards(q.position, options, token),
            }
        )
    nav = navigator(attempt.question_count, answers)
    return {
        "attempt": attempt,
        "chapter": chapter,
        "items": items,
        "answered": len(answers),
        "total": len(asked_questions),
        "nav": nav,
    }


CHECKED = mark_safe(" checked")


def option_cards(position: int, options: list[dict], chosen: str) -> SafeString:
    """The option cards of one question (radio, number key, text, check mark), escaped.

    Written in Python rather than as a template loop: a 12-question page has ~50 options, and
    the loop's ~300 variable lookups were the largest part of rendering the take page.
    """
    return format_html_join(
        "\n",
        '<label class="option"><input type="radio" name="q{}" value="{}"{}>'
        '<span class="option-key" aria-hidden="true">{}</span>'
        '<span class="option-text">{}</span>'
        '<span class="option-check" aria-hidden="true">✓</span></label>',
        (
            (
                position,
                o["token"],
                CHECKED if o["token"] == chosen else "",
                n,
                o["text"],
            )
            for n, o in enumerate(options, start=1)
        ),
    )


def navigator(count: int, answered: set[int] | dict[int, str]) -> list[tuple[int, bool]]:
    """(position, answered) for each question, for the take page's navigator."""
    return [(n, n in answered) for n in range(1, count + 1)]


def results_context(attempt: Attempt, chapter: Chapter, request: object) -> dict:
    """The results page: stored score, each question explained, changes since pre, review plan."""
    current = {q.id for q in chapter.questions}
    asked_questions = questions(attempt)
    answers = _answers(attempt)
    result = scoring.Score(correct=attempt.correct or 0, counted=attempt.counted or 0)
    pre = pre_attempt(request, chapter) if attempt.kind == Kind.POST else None
    comparison = _comparison(pre, asked_questions, answers, current)
    shown = [_shown(q, answers, current, chapter, comparison) for q in asked_questions]
    review = _review(shown, chapter)
    show_answers = feedback.answers_shown(
        attempt,
        chapter,
        has_post=lambda: has_submitted_post(request, chapter),
    )
    changes = []
    if comparison:
        labels = (
            ("Wrong → right", "↗", "wrong_to_right"),
            ("Right → wrong", "↘", "right_to_wrong"),
            ("Still wrong", "✗", "still_wrong"),
            ("Kept right", "✓", "kept_right"),
        )
        changes = [(label, icon, comparison.count(kind)) for label, icon, kind in labels]
    height, chart = charts.layout(_section_rows(shown, chapter))
    return {
        "attempt": attempt,
        "chapter": chapter,
        "result": result,
        "shown": shown,
        "comparison": comparison,
        "changes": changes,
        "review": review,
        "show_answers": show_answers,
        "pre": pre,
        "chart": chart,
        "chart_height": height,
        "gain_words": charts.gain_sentence(comparison) if comparison else "",
        "missed": [s.q.position for s in shown if not s.removed and not s.correct],
    }


def _section_rows(shown: list[ShownQuestion], chapter: Chapter) -> list[charts.SectionRow]:
    """Per-section scores of this attempt, with the pre-study ones beside a post-study attempt."""
    before = {
        "kept_right": True,
        "right_to_wrong": True,
        "wrong_to_right": False,
        "still_wrong": False,
    }
    marks = [(s.q.section_id, before.get(s.change), s.correct) for s in shown if not s.removed]
    sections = [(sec.id, f"{chapter.number}.{sec.number}", sec.title) for sec in chapter.sections]
    return charts.section_rows(sections, marks)


def _comparison(pre, asked_questions, answers, current):
    if not pre or pre.status != Status.SUBMITTED:
        return None
    before = asked(questions(pre), _answers(pre), current)
    return scoring.compare(before, asked(asked_questions, answers, current))


def _shown(q, answers, current, chapter, comparison, choices=None) -> ShownQuestion:
    choices = q.choices if choices is None else choices
    section = chapter.section(q.section_id)
    chosen = next((c for c in choices if c["id"] == answers.get(q.position)), None)
    url = section.url + (f"#{q.anchor}" if q.anchor else "") if section else ""
    return ShownQuestion(
        q=q,
        chosen=chosen,
        right=next(c for c in choices if c["id"] == q.answer_id),
        removed=q.question_id not in current,
        section_url=url,
        section_title=section.title if section else "(section no longer in the course)",
        change=comparison.changes.get(q.question_id, "") if comparison else "",
    )


def review_plan(attempt: Attempt | None, chapter: Chapter) -> list[tuple[object, list]]:
    """Sections and questions still missed in a submitted attempt (for Your Progress)."""
    if attempt is None or attempt.status != Status.SUBMITTED:
        return []
    current = {q.id for q in chapter.questions}
    answers = _answers(attempt)
    # The plan links to questions, never to options: the stored choices, without option tokens.
    shown = [
        _shown(q, answers, current, chapter, None, q.version.choices) for q in questions(attempt)
    ]
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
