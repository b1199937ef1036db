"""Assessment state is O(1) in a learner's attempts: same queries at 1 and at 200."""

import random
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.catalog import get_course
from quiz.lookups import chapter_assessments
from quiz.models import Attempt, Kind, Status

from .test_attempts import CH, answer_tokens, start, submit_all

pytestmark = pytest.mark.django_db

PAGES = (
    "/",
    f"/chapters/{CH}/",
    f"/quiz/chapters/{CH}/assessments/post/",
    f"/quiz/chapters/{CH}/assessments/pre/",
    "/progress/",
)


def more_posts(user: User, count: int, seed: int = 8) -> list[Attempt]:
    """Submitted post-study attempts with varied scores and times (rows only, no questions)."""
    rng, now = random.Random(seed), timezone.now()  # noqa: S311 (test data)
    rows = []
    for n in range(count):
        submitted = now - timedelta(days=3, minutes=rng.randrange(100_000))
        rows.append(
            Attempt(
                public_id=f"bulk{user.pk}-{n}",
                user=user,
                chapter_id=CH,
                assessment_id="post",
                kind=Kind.POST,
                status=Status.SUBMITTED,
                content_version="x",
                question_count=12,
                started_at=submitted - timedelta(minutes=9),
                submitted_at=submitted,
                correct=rng.randrange(13),
                counted=rng.choice([11, 12]),
            )
        )
    return Attempt.objects.bulk_create(rows)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def sitting(client) -> tuple[User, str]:
    """A learner with a submitted pre-study and one submitted post-study attempt."""
    user = User.objects.create_user("counter", password="a-long-pass-phrase-c")
    client.force_login(user)
    for kind in ("pre", "post"):
        public_id = start(client, kind)
        submit_all(client, public_id, answer_tokens(client, public_id, right=kind == "post"))
    return user, public_id


def test_pages_make_the_same_queries_at_1_and_200_post_study_attempts(client, sitting):
    user, latest = sitting
    pages = (*PAGES, f"/quiz/attempts/{latest}/")
    at_one = {url: queries(client, url) for url in pages}
    more_posts(user, 199)
    assert {url: queries(client, url) for url in pages} == at_one
    assert at_one[f"/chapters/{CH}/"] <= 6


def test_state_picks_first_latest_best_and_count_like_a_full_scan(rf, client, sitting):
    user, latest = sitting
    more_posts(user, 199)
    request = rf.get("/")
    request.user, request.session = user, client.session
    state = chapter_assessments(request, get_course().chapter(CH))
    posts = list(Attempt.objects.filter(user=user, kind=Kind.POST, status=Status.SUBMITTED))
    by_time = sorted(posts, key=lambda a: (a.submitted_at, a.pk))
    best = sorted(posts, key=lambda a: (-a.correct / a.counted, a.submitted_at, a.pk))[0]
    assert state.post_count == 200
    assert (state.post_first, state.post_latest, state.post_best) == (by_time[0], by_time[-1], best)
    assert state.post_latest.public_id == latest  # the bulk ones are older
    assert state.pre.kind == Kind.PRE and state.post_in_progress is None


def test_overview_lists_the_latest_ten_of_many_attempts_and_the_best(client, sitting):
    user, _ = sitting
    more_posts(user, 30)
    html = client.get(f"/quiz/chapters/{CH}/assessments/post/").content.decode()
    assert "Your latest 10 of 31 submitted attempts" in html
    assert html.count(" · best") == 1 and html.count(" · latest") == 1


def test_one_attempt_is_listed_without_a_count_line(client, sitting):
    html = client.get(f"/quiz/chapters/{CH}/assessments/post/").content.decode()
    assert "Your attempts" in html and "submitted attempts" not in html
    assert "· latest · best" in html


def test_held_pre_study_results_ask_one_exists_query_whose_post_it_is(client, sitting):
    user, _ = sitting
    pre = Attempt.objects.get(user=user, kind=Kind.PRE).public_id
    with CaptureQueriesContext(connection) as captured:
        html = client.get(f"/quiz/attempts/{pre}/").content.decode()
    assert "Explanation" in html  # the learner's own post-study attempt releases the answers
    assert not any("COUNT(" in q["sql"] for q in captured)  # no whole assessment state
    Attempt.objects.filter(user=user, kind=Kind.POST).update(user=User.objects.create_user("x"))
    assert "Explanation" not in client.get(f"/quiz/attempts/{pre}/").content.decode()


def test_a_guest_state_is_their_own_pre_study_attempt_with_its_answer_count(rf, client):
    public_id = start(client)
    client.post(
        f"/quiz/attempts/{public_id}/save/", {"q1": answer_tokens(client, public_id, True)[1]}
    )
    other = Client()
    start(other)
    request = rf.get("/")
    request.user, request.session = AnonymousUser(), client.session
    assert request.session.keys()  # the session is loaded before counting
    with CaptureQueriesContext(connection) as captured:
        state = chapter_assessments(request, get_course().chapter(CH))
    assert len(captured) == 1
    assert state.pre.public_id == public_id and state.pre.answered == 1
    assert state.post_count == 0 and state.post_latest is None
    request.session = Client().session  # a guest without attempts
    assert chapter_assessments(request, get_course().chapter(CH)).pre is None
