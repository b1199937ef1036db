"""xAPI outbox: events queue statements in their transaction; a task sends them, once, later."""

import time

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from ralph.models.xapi.base.statements import BaseXapiStatement

from courses.catalog import get_course
from reports import outbox
from reports.models import OutboxStatement
from reports.xapi_learner import learner_statements
from tests.quiz.test_attempts import answer_tokens, start, submit_all

from .conftest import DATABASE
from .fake_lrs import FakeLrs, HangingLrs, refused_url

CH = "/chapters/networking-security/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def lrs_settings(settings):
    settings.TASKS = DATABASE
    settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = "lrs", "secret"
    settings.XAPI_LRS_TIMEOUT = 0.5
    settings.XAPI_LRS_URL = refused_url()
    return settings


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("lee", password="a-long-pass-phrase-l")
    client.force_login(user)
    return user


def study(client) -> None:
    """Open and complete a section, tick a step, rate a question, take the pre-study test."""
    guide = get_course().guides[0]
    project = guide.projects[0]
    client.get(f"{CH}hpc-networking/")
    client.post(f"{CH}hpc-networking/complete/")
    client.post(f"{guide.url}projects/{project.id}/steps/1/", {"done": "1"})
    question = guide.interview_questions[0]
    client.post(f"{guide.url}interview/{question.id}/", {"rating": "could_answer"})
    public_id = start(client)
    submit_all(client, public_id, answer_tokens(client, public_id, right=True))


def verbs(rows: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in rows:
        counts[s["verb"]["display"]["en-US"]] = counts.get(s["verb"]["display"]["en-US"], 0) + 1
    return counts


def test_each_event_queues_valid_statements_and_the_request_never_calls_the_lrs(
    client, learner, lrs_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        began = time.perf_counter()
        study(client)
        elapsed = time.perf_counter() - began
    rows = [r.statement for r in OutboxStatement.objects.all()]
    assert verbs(rows) == {
        "experienced": 1,
        "completed": 3,
        "responded": 1,
        "attempted": 1,
        "answered": 12,
    }
    for statement in rows:
        BaseXapiStatement(**statement)
    assert OutboxStatement.objects.filter(sent_at__isnull=True).count() == len(rows)
    assert DBTaskResult.objects.exists()  # the sender was queued for the worker, not run here
    assert elapsed < 5


def test_download_has_the_same_statements_as_the_outbox(client, learner, lrs_settings):
    study(client)
    queued = {r.statement_id.hex for r in OutboxStatement.objects.all()}
    rebuilt = {s["id"].replace("-", "") for s in learner_statements(learner)}
    assert rebuilt == queued
    lines = client.get("/exports/statements.jsonl").content.decode().splitlines()
    assert len(lines) == len(queued)
    assert "lee" not in "".join(lines)  # no username, no email: only the opaque account


def test_nothing_is_queued_without_an_lrs(client, learner, settings):
    study(client)
    assert not OutboxStatement.objects.exists()


def test_refused_lrs_leaves_statements_waiting_with_backoff(client, learner, lrs_settings):
    study(client)
    result = outbox.send_batch()
    assert result.sent == 0 and result.retry_in == 2
    row = OutboxStatement.objects.first()
    assert row.tries == 1 and row.sent_at is None and "Connection refused" in row.last_error
    assert row.next_try_at > timezone.now()
    assert outbox.send_batch().sent == 0  # not due yet: nothing tried
    assert OutboxStatement.objects.first().tries == 1
    assert [outbox.backoff(n) for n in (1, 2, 3, 12, 20)] == [2, 4, 8, 3600, 3600]


def test_a_hanging_lrs_slows_no_request_and_times_out_in_the_sender(client, learner, lrs_settings):
    hanging = HangingLrs()
    lrs_settings.XAPI_LRS_URL = hanging.url
    try:
        began = time.perf_counter()
        client.post(f"{CH}hpc-networking/complete/")
        assert time.perf_counter() - began < 0.4  # under the LRS timeout: never waited for it
        began = time.perf_counter()
        assert outbox.send_batch().retry_in == 2
        assert 0.4 < time.perf_counter() - began < 3
        assert "timed out" in OutboxStatement.objects.get().last_error
    finally:
        hanging.close()


def test_statements_arrive_once_after_the_lrs_comes_back(client, learner, lrs_settings):
    study(client)
    outbox.send_batch()  # refused
    lrs = FakeLrs()
    lrs_settings.XAPI_LRS_URL = lrs.url
    OutboxStatement.objects.update(next_try_at=timezone.now())  # the backoff has passed
    assert outbox.send_all() == 18
    assert len(lrs.stored) == 18 and OutboxStatement.objects.filter(sent_at=None).count() == 0
    client.post(f"{CH}hpc-networking/complete/")  # a repeat of a sent event
    assert outbox.send_all() == 0 and len(lrs.stored) == 18
    lrs.shutdown()


def test_duplicates_already_at_the_lrs_count_as_sent(client, learner, lrs_settings):
    study(client)
    lrs = FakeLrs()
    lrs_settings.XAPI_LRS_URL = lrs.url
    first = OutboxStatement.objects.order_by("id").first()
    lrs.stored[str(first.statement_id)] = first.statement  # sent before, but not marked
    assert outbox.send_all() == 18
    assert "PUT" in lrs.requests and len(lrs.stored) == 18
    assert not OutboxStatement.objects.filter(sent_at=None).exists()
    lrs.shutdown()


def test_week_old_sent_rows_are_forgotten_and_unsent_kept(client, learner, lrs_settings):
    from datetime import timedelta

    study(client)
    OutboxStatement.objects.filter(pk__lte=OutboxStatement.objects.order_by("id")[4].pk).update(
        sent_at=timezone.now() - timedelta(days=8)
    )
    assert outbox.forget_sent(older_than=timedelta(days=7)) == 5
    assert OutboxStatement.objects.filter(sent_at=None).count() == 13


def test_queueing_adds_two_writes_to_marking_a_section_complete(
    client, learner, lrs_settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client.get(f"{CH}hpc-networking/")
    with django_assert_max_num_queries(8), django_capture_on_commit_callbacks(execute=True):
        # 6 without an LRS (one is the cohorts' activity stamp); + outbox row, + task row
        client.post(f"{CH}hpc-networking/complete/")
    assert OutboxStatement.objects.count() == 2
