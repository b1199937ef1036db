"""Cohort reads of first/latest/best post-study attempts; deliberate rescoring; index use."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection

from quiz.cohort import post_attempts
from quiz.models import Attempt, Kind, Status

from .test_attempts import answer_tokens, start, submit_all
from .test_state_queries import CH, more_posts

pytestmark = pytest.mark.django_db


def test_cohort_first_latest_best_and_count_match_a_full_scan(django_assert_num_queries):
    people = [User.objects.create_user(f"c{n}", password=None) for n in range(5)]
    for n, user in enumerate(people[:4]):
        more_posts(user, 1 + 7 * n, seed=n)
    with django_assert_num_queries(1):
        found = post_attempts([u.pk for u in people], CH)
    assert set(found) == {u.pk for u in people[:4]}  # no attempts, no entry
    for user in people[:4]:
        posts = list(Attempt.objects.filter(user=user, kind=Kind.POST, status=Status.SUBMITTED))
        by_time = sorted(posts, key=lambda a: (a.submitted_at, a.pk))
        best = sorted(posts, key=lambda a: (-a.correct / a.counted, a.submitted_at, a.pk))[0]
        mine = found[user.pk]
        assert (mine.first, mine.latest, mine.best, mine.count) == (
            by_time[0],
            by_time[-1],
            best,
            len(posts),
        )


def test_learner_state_reads_use_the_learner_index():
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    user = User.objects.create_user("plan", password=None)
    more_posts(user, 20)
    latest = Attempt.objects.filter(
        user=user, chapter_id=CH, kind=Kind.POST, status=Status.SUBMITTED
    ).order_by("-submitted_at")[:1]
    cohort = Attempt.objects.filter(chapter_id=CH, kind=Kind.POST, status=Status.SUBMITTED)
    assert "attempt_cohort" in cohort.filter(submitted_at__year=2026).explain()
    plan = latest.explain()
    assert "attempt_learner" in plan and "TEMP B-TREE" not in plan


def test_rescore_dry_run_prints_and_changes_nothing_then_rescore_stores(client):
    user = User.objects.create_user("rs", password=None)
    client.force_login(user)
    public_id = start(client)
    submit_all(client, public_id, answer_tokens(client, public_id, right=True))
    Attempt.objects.filter(public_id=public_id).update(correct=5)  # a stale stored score
    out = StringIO()
    call_command("rescore", "--dry-run", stdout=out)
    assert out.getvalue() == f"{public_id}: 5/12 -> 12/12\n1 attempt score(s) would change.\n"
    assert Attempt.objects.get(public_id=public_id).correct == 5
    call_command("rescore", stdout=StringIO())
    assert Attempt.objects.get(public_id=public_id).correct == 12
    again = StringIO()
    call_command("rescore", stdout=again)
    assert again.getvalue() == "0 attempt score(s) changed.\n"
