"""The next-step spine: the primary action in each state, the stepper, the completion moment."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User

from courses.catalog import get_course
from courses.progress import summarize
from courses.spine import spine
from quiz.lookups import ChapterAssessments
from quiz.sections import changes
from tests.courses.test_progress import record
from tests.quiz.test_attempts import answer_tokens, start, submit_all

CH = "/chapters/networking-security/"
SECTIONS = ["hpc-networking", "network-policies", "security-practices", "data-compliance"]


def chapter():
    return get_course().chapter("networking-security")


def attempt(status: str = "submitted", correct: int = 6, counted: int = 12, **extra):
    return SimpleNamespace(
        status=status,
        correct=correct,
        counted=counted,
        public_id="a" * 22,
        answered=3,
        question_count=12,
        **extra,
    )


def assessments(pre=None, post_latest=None, post_in_progress=None) -> ChapterAssessments:
    return ChapterAssessments(
        pre=pre,
        post_in_progress=post_in_progress,
        post_first=post_latest,
        post_latest=post_latest,
        post_best=post_latest,
        post_count=1 if post_latest else 0,
    )


def primary(records=(), signed_in=True, **kw) -> tuple[str, list[str]]:
    steps = spine(
        progress=summarize(chapter(), list(records)),
        assessments=assessments(**kw),
        signed_in=signed_in,
        guide_url="/guides/g/",
        signup_url="/signup/",
    )
    return steps.primary.action, [s.status for s in steps.steps]


ALL_READ = [record(s, i, True) for i, s in enumerate(SECTIONS)]


def test_a_new_reader_is_offered_the_pre_study_first():
    action, states = primary()
    assert action == "Take the pre-study assessment"
    assert states == ["current", "todo", "todo", "todo", "todo"]


def test_an_unfinished_pre_study_is_resumed():
    assert primary(pre=attempt(status="in_progress"))[0] == "Resume the pre-study assessment"


def test_after_the_pre_study_reading_leads():
    action, states = primary(pre=attempt(), records=[record(SECTIONS[0], 1, True)])
    assert action == "Continue: Network Policies and Isolation"
    assert states[:2] == ["done", "current"]


def test_reading_without_a_pre_study_passes_it_by():
    action, states = primary(records=[record(SECTIONS[0], 1, True)])
    assert action.startswith("Continue: ") and states[0] == "passed"


def test_every_section_read_leads_to_the_post_study():
    action, states = primary(pre=attempt(status="skipped"), records=ALL_READ)
    assert action == "Take the post-study assessment"
    assert states == ["passed", "done", "current", "todo", "todo"]


def test_a_guest_is_told_the_post_study_needs_an_account_before_the_click():
    steps = spine(
        progress=summarize(chapter(), ALL_READ),
        assessments=assessments(),
        signed_in=False,
        guide_url="/g/",
        signup_url="/signup/",
    )
    assert steps.primary.action == "Sign up to take the post-study assessment"
    assert steps.primary.url.startswith("/signup/?next=")
    assert "needs a free account" in steps.primary.warning


def test_after_the_post_study_the_review_plan_then_the_skill_guide():
    action, states = primary(pre=attempt(), post_latest=attempt(correct=10), records=ALL_READ)
    assert action == "See your review plan"
    assert states == ["done", "done", "done", "current", "todo"]
    action, states = primary(pre=attempt(), post_latest=attempt(correct=12), records=ALL_READ)
    assert action == "Practise in the skill guide" and states[3] == "done"


def test_section_changes_are_tallied_per_section_in_reading_order():
    pre = [(SECTIONS[1], False), (SECTIONS[0], True), (SECTIONS[1], False)]
    post = [(SECTIONS[1], True), (SECTIONS[0], True), (SECTIONS[1], False), ("gone", True)]
    found = [
        (c.section.id, c.before, c.after, c.total, c.improved)
        for c in changes(chapter(), pre, post)
    ]
    assert found == [(SECTIONS[0], 1, 1, 1, False), (SECTIONS[1], 0, 1, 2, True)]


# --- pages --------------------------------------------------------------------------------------


def button(html: str) -> str:
    return re.search(r'<p class="spine-action"><a class="button" href="[^"]*">([^<]+)</a>', html)[1]


@pytest.mark.django_db
def test_home_and_chapter_offer_the_pre_study_and_reading_to_a_new_reader(client):
    for url in ("/", CH):
        html = client.get(url).content.decode()
        assert button(html) == "Take the pre-study assessment"
        assert "Start with section 1: High-Performance Networking" in html


@pytest.mark.django_db
def test_a_guest_who_read_everything_sees_the_account_need_before_the_button(client):
    for s in SECTIONS:
        client.post(f"{CH}{s}/complete/")
    html = client.get(CH).content.decode()
    assert button(html) == "Sign up to take the post-study assessment"
    assert html.index("needs a free account") < html.index("Sign up to take the post-study")


@pytest.mark.django_db
def test_finishing_shows_what_improved_and_what_to_do_next(client):
    client.force_login(User.objects.create_user("fin", password="a-long-pass-phrase-1"))
    pre = start(client, "pre")
    submit_all(client, pre, answer_tokens(client, pre, right=False))
    for s in SECTIONS:
        client.post(f"{CH}{s}/complete/")
    assert button(client.get(CH).content.decode()) == "Take the post-study assessment"
    post = start(client, "post")
    submit_all(client, post, answer_tokens(client, post, right=True))
    html = client.get(CH).content.decode()
    assert "You finished this chapter" in html
    assert "from <strong>0/12</strong> before study to <strong>12/12</strong>" in html
    assert re.search(r"<td>0/\d+</td><td>\d+/\d+ <span aria-hidden=\"true\">↗", html)
    assert button(html) == "Practise in the skill guide"
    assert button(client.get("/").content.decode()) == "Practise in the skill guide"
