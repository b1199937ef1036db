"""The question player (cards, navigator, confirm by redirect) and results that motivate."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from quiz.models import Attempt, Status

from .test_attempts import PASSWORD, answer, answer_tokens, options, start, submit_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("pia", password=PASSWORD)
    client.force_login(user)
    return user


def test_take_page_has_question_cards_with_headings_and_a_navigator(client, learner):
    public_id = start(client)
    html = client.get(f"/quiz/attempts/{public_id}/").content.decode()
    assert html.count('class="question-head"') == 12 and "<legend" not in html
    assert 'aria-labelledby="qh-1"' in html
    assert html.count('class="is-open"') == 12 and 'href="#question-12"' in html
    assert '<span class="option-key" aria-hidden="true">4</span>' in html


def test_saving_an_answer_updates_the_navigator_out_of_band(client, learner):
    public_id = start(client)
    saved = answer(client, public_id, 3, options(client, public_id)[3][0][0]).content.decode()
    nav = re.search(r'<nav id="quiz-nav".*?</nav>', saved, re.S).group(0)
    assert 'data-hx-swap-oob="true"' in nav
    assert nav.count('class="is-answered"') == 1 and 'aria-label="Question 3, answered"' in nav
    page = client.get(f"/quiz/attempts/{public_id}/").content.decode()
    assert page.count('class="is-answered"') == 1


def test_submit_with_gaps_redirects_to_a_confirm_page_listing_them(client, learner):
    public_id = start(client)
    tokens = answer_tokens(client, public_id, right=True)
    client.post(f"/quiz/attempts/{public_id}/save/", {"q1": tokens[1], "q2": tokens[2]})
    response = client.post(f"/quiz/attempts/{public_id}/save/", {"q5": tokens[5], "submit": "1"})
    assert response.status_code == 303
    page = client.get(response["Location"])  # Back or Reload: a harmless GET
    html = page.content.decode()
    assert "Submit with 9 unanswered questions?" in html
    assert f'href="/quiz/attempts/{public_id}/#question-3"' in html
    assert "#question-5" not in html and '#question-1"' not in html
    assert client.get(response["Location"]).status_code == 200
    assert Attempt.objects.get(public_id=public_id).status == Status.IN_PROGRESS
    done = client.post(f"/quiz/attempts/{public_id}/save/", {"submit": "1", "confirm": "1"})
    assert done.status_code == 302
    # after submitting, the confirm URL leads to the results instead of asking again
    assert client.get(response["Location"])["Location"] == f"/quiz/attempts/{public_id}/"


def test_confirm_page_is_only_for_the_owner(client, learner):
    public_id = start(client)
    other = Client()
    other.force_login(User.objects.create_user("eve", password=PASSWORD))
    assert other.get(f"/quiz/attempts/{public_id}/confirm/").status_code == 404
    assert Client().get(f"/quiz/attempts/{public_id}/confirm/").status_code == 404


def _pre_then_post(client, wrong_in_post: int = 2) -> tuple[str, str]:
    pre = start(client)
    tokens = answer_tokens(client, pre, right=True)
    wrong = answer_tokens(client, pre, right=False)
    submit_all(client, pre, tokens | {n: wrong[n] for n in range(1, 7)})  # 6/12
    post = start(client, "post")
    right, wrong = answer_tokens(client, post, True), answer_tokens(client, post, False)
    submit_all(client, post, right | {n: wrong[n] for n in range(1, wrong_in_post + 1)})
    return pre, post


def test_post_results_show_gain_in_words_formula_and_a_section_chart(client, learner):
    _, post = _pre_then_post(client)
    html = client.get(f"/quiz/attempts/{post}/").content.decode()
    assert "<strong>10/12</strong>" in html
    # pre 50 %, post 83 %: g = 33.3 / 50 = 0.67
    assert "You closed 67 % of the gap between your pre-study score (50 %) and 100 %." in html
    assert "<summary>How is this calculated?</summary>" in html and "g = (post − pre)" in html
    assert '<svg class="chart" role="img"' in html and '<title id="chart-title">' in html
    assert html.count('class="bar bar-pre"') == html.count('class="bar bar-post"') > 0
    assert '<table class="chart-table">' in html


def test_pre_results_chart_shows_only_this_attempt(client, learner):
    public_id = start(client)
    submit_all(client, public_id, answer_tokens(client, public_id, right=True))
    html = client.get(f"/quiz/attempts/{public_id}/").content.decode()
    assert 'class="bar bar-now"' in html and "bar-pre" not in html


def test_practice_asks_only_missed_questions_explains_and_stores_nothing(client, learner):
    _, post = _pre_then_post(client, wrong_in_post=2)
    html = client.get(f"/quiz/attempts/{post}/").content.decode()
    assert "Retry the ones you missed" in html and "Practice does not count as an attempt" in html
    url = f"/quiz/attempts/{post}/practice/1/"
    assert f'href="{url}"' in html
    page = client.get(url).content.decode()
    assert "question 1 of 2 you missed" in page and "nothing is stored" in page
    tokens = re.findall(r'name="choice" value="([^"]+)"', page)
    attempt = Attempt.objects.get(public_id=post)
    q = attempt.questions.get(position=1)
    key = next(c["token"] for c in q.choices if c["id"] == q.answer_id)
    before = (attempt.correct, attempt.counted, attempt.answers.count())
    checked = client.post(url, {"choice": key}).content.decode()
    assert "Right" in checked and "Explanation" in checked and "Next missed question" in checked
    wrong = next(t for t in tokens if t != key)
    checked = client.post(url, {"choice": wrong}).content.decode()
    assert "Not quite" in checked and "Right answer" in checked and "Why not" in checked
    attempt.refresh_from_db()
    assert (attempt.correct, attempt.counted, attempt.answers.count()) == before
    assert client.get(f"/quiz/attempts/{post}/practice/3/").status_code == 404  # answered right


def test_practice_bad_input_is_a_clear_error(client, learner):
    _, post = _pre_then_post(client)
    url = f"/quiz/attempts/{post}/practice/1/"
    empty = client.post(url, {})
    assert empty.status_code == 422 and "Choose one of the options" in empty.content.decode()
    bad = client.post(url, {"choice": "nope"})
    assert bad.status_code == 422 and "not one of this question" in bad.content.decode()
    assert client.post(url, {"choice": ["a", "b"]}).status_code == 422
    assert client.get(f"/quiz/attempts/{post}/practice/99/").status_code == 404
    assert client.put(url).status_code == 405


def test_practice_waits_for_hidden_pre_study_answers_and_for_submission(client, learner):
    pre = start(client)
    assert client.get(f"/quiz/attempts/{pre}/practice/1/").status_code == 404  # in progress
    wrong = answer_tokens(client, pre, right=False)
    submit_all(client, pre, wrong)
    html = client.get(f"/quiz/attempts/{pre}/").content.decode()
    assert "Retry the ones you missed" not in html
    assert client.get(f"/quiz/attempts/{pre}/practice/1/").status_code == 404
    client.post(f"/quiz/attempts/{pre}/reveal/")
    assert "Retry the ones you missed" in client.get(f"/quiz/attempts/{pre}/").content.decode()
    assert client.get(f"/quiz/attempts/{pre}/practice/1/").status_code == 200


def test_practice_is_only_for_the_owner(client, learner):
    _, post = _pre_then_post(client)
    other = Client()
    other.force_login(User.objects.create_user("eve", password=PASSWORD))
    assert other.get(f"/quiz/attempts/{post}/practice/1/").status_code == 404


def test_player_pages_use_a_fixed_number_of_queries(client, learner, django_assert_max_num_queries):
    _, post = _pre_then_post(client)
    with django_assert_max_num_queries(6):
        assert client.get(f"/quiz/attempts/{post}/practice/1/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.post(f"/quiz/attempts/{post}/practice/1/", {"choice": "x"}).status_code == 422
    retake = start(client, "post")
    with django_assert_max_num_queries(4):
        assert client.get(f"/quiz/attempts/{retake}/confirm/").status_code == 200
    token = options(client, retake)[1][0][0]
    with django_assert_max_num_queries(6):
        assert answer(client, retake, 1, token).status_code == 200
