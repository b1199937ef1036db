"""Attempts made with the old schema (each copying its questions) read the same after migrating."""

import html
import random
import re
import secrets
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from courses.catalog import get_course
from quiz.models import Answer, Attempt, AttemptQuestion, QuestionVersion

pytestmark = pytest.mark.django_db(transaction=True)

CH = "networking-security"
OLD = [("quiz", "0002_one_attempt_per_guest_and_open_post")]


def migrate(target: list[tuple[str, str]]) -> object:
    """Migrate to target; the historical apps at that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_attempt(apps, user, kind: str, rng: random.Random, answered: int, submit: bool) -> dict:
    """What the old start, answer and submit code wrote, with what its results page showed."""
    chapter = get_course().chapter(CH)
    assessment = next(a for a in chapter.assessments if a.kind == kind)
    questions = {q.id: q for q in chapter.questions}
    now = timezone.now() - timedelta(days=2 if kind == "pre" else 1)
    attempt = apps.get_model("quiz", "Attempt").objects.create(
        public_id=secrets.token_urlsafe(12),
        user_id=user.pk,
        chapter_id=CH,
        assessment_id=assessment.id,
        kind=kind,
        content_version="old",
        question_count=12,
        started_at=now,
    )
    shown, correct = {}, 0
    for position, qid in enumerate(assessment.question_ids, 1):
        q = questions[qid]
        choices = [
            {
                "token": secrets.token_urlsafe(8),
                "id": c.id,
                "text": c.text,
                "why_wrong_html": c.why_wrong_html,
            }
            for c in q.choices
        ]
        rng.shuffle(choices)
        apps.get_model("quiz", "AttemptQuestion").objects.create(
            attempt=attempt,
            position=position,
            question_id=q.id,
            question_version=q.version,
            section_id=q.section_id,
            anchor=q.anchor,
            prompt=q.prompt,
            choices=choices,
            answer_id=q.answer,
            explanation_html=q.explanation_html,
        )
        chosen = rng.choice(choices) if position <= answered else None
        if chosen:
            apps.get_model("quiz", "Answer").objects.create(
                attempt=attempt,
                question_id=q.id,
                choice_id=chosen["id"],
                choice_text=chosen["text"],
                answered_at=now,
            )
        right = next(c for c in choices if c["id"] == q.answer)
        correct += chosen is right
        shown[position] = {
            "prompt": q.prompt,
            "options": [c["text"] for c in choices],
            "chosen": chosen,
            "right": right,
            "explanation": q.explanation_html,
        }
    if submit:
        attempt.status, attempt.submitted_at = "submitted", now + timedelta(minutes=9)
        attempt.correct, attempt.counted = correct, 12
        attempt.save()
    return {"public_id": attempt.public_id, "shown": shown, "score": (correct, 12)}


def results_items(page: str) -> dict[int, dict]:
    """Per question: prompt, verdict, your answer, why not, right answer, explanation."""
    items = {}
    for pos, body in re.findall(r'<li id="result-(\d+)"[^>]*>(.*?)</dl>', page, re.S):
        fields = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", body, re.S))
        prompt = re.search(r"</span> (.*?)</h3>", body, re.S).group(1)
        verdict = re.sub(
            r"<[^>]+>", "", re.search(r'class="verdict">(.*?)</p>', body, re.S).group(1)
        ).strip()
        items[int(pos)] = {"prompt": prompt, "verdict": verdict, **fields}
    return items


def expected_items(shown: dict[int, dict]) -> dict[int, dict]:
    """What the old results page showed for each question."""
    out = {}
    for pos, s in shown.items():
        chosen, right = s["chosen"], s["right"]
        ok = chosen is right
        item = {
            "prompt": html.escape(s["prompt"]),
            "Your answer": html.escape(chosen["text"]) if chosen else "—",
            "Explanation": s["explanation"],
        }
        if chosen and not ok:
            item["Why not"] = chosen["why_wrong_html"]
        if not ok:
            item["Right answer"] = html.escape(right["text"])
        out[pos] = item
    return out


def test_old_attempts_read_the_same_after_the_migration():
    rng = random.Random(8)  # noqa: S311 (test data)
    apps = migrate(OLD)
    try:
        people = [User.objects.create_user(f"old{n}", password=None) for n in range(2)]
        made = {
            "pre": old_attempt(apps, people[0], "pre", rng, answered=12, submit=True),
            "post": old_attempt(apps, people[0], "post", rng, answered=10, submit=True),
            "other": old_attempt(apps, people[1], "pre", rng, answered=12, submit=True),
            "open": old_attempt(apps, people[1], "post", rng, answered=5, submit=False),
        }
    finally:
        migrate(latest())
    assert QuestionVersion.objects.count() == 12  # 48 copies, stored once
    assert not AttemptQuestion.objects.filter(order="").exists()
    assert Answer.objects.count() == 12 + 10 + 12 + 5
    # A pre-study attempt without a post-study one keeps its answers until the learner asks.
    Attempt.objects.filter(public_id=made["other"]["public_id"]).update(
        answers_revealed_at=timezone.now()
    )
    for name, owner in (("pre", 0), ("post", 0), ("other", 1)):
        client = Client()
        client.force_login(people[owner])
        page = client.get(f"/quiz/attempts/{made[name]['public_id']}/").content.decode()
        correct, counted = made[name]["score"]
        assert f"<strong>{correct}/{counted}</strong>" in page
        items = results_items(page)
        for pos, want in expected_items(made[name]["shown"]).items():
            got = items[pos]
            assert {k: got.get(k) for k in want} == want, (name, pos)
            right = made[name]["shown"][pos]["chosen"] is made[name]["shown"][pos]["right"]
            assert ("Right" in got["verdict"]) == right
    client = Client()
    client.force_login(people[1])
    page = client.get(f"/quiz/attempts/{made['open']['public_id']}/").content.decode()
    shown = re.findall(
        r'name="q(\d+)" value="[^"]+"( checked)?><span class="option-key" aria-hidden="true">\d+</span><span class="option-text">([^<]*)</span>',
        page,
    )
    for pos, s in made["open"]["shown"].items():
        mine = [(checked, text) for p, checked, text in shown if int(p) == pos]
        assert [html.unescape(t) for _, t in mine] == s["options"]  # the same shuffle
        picked = [html.unescape(t) for checked, t in mine if checked]
        assert picked == ([s["chosen"]["text"]] if s["chosen"] else [])
    assert "5 of 12 answered" in page
