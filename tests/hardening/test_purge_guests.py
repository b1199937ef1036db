"""purge_guests: orphaned guest rows go after the retention period; live guests and accounts stay."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from courses.models import PracticeMark, SectionProgress
from quiz.models import Attempt

START = "/quiz/chapters/networking-security/assessments/pre/start/"
COMPLETE = "/chapters/networking-security/hpc-networking/complete/"


def age_everything(days: int) -> None:
    """Pretend every row was written `days` days ago."""
    then = timezone.now() - timedelta(days=days)
    Attempt.objects.update(started_at=then)
    SectionProgress.objects.update(opened_at=then, completed_at=then)
    PracticeMark.objects.update(updated_at=then)


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge_guests", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_starts_by_a_new_guest_leave_one_reachable_and_the_orphan_is_purged():
    browsers = [Client(), Client()]  # one brand-new guest, two requests before any cookie

    def start(i: int) -> str:
        try:
            return browsers[i].post(START)["Location"]
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        locations = list(pool.map(start, range(2)))
    assert Attempt.objects.count() == 2
    kept = browsers[0]  # the browser keeps one cookie; the other attempt is nobody's
    assert kept.get(locations[0]).status_code == 200
    assert kept.get(locations[1]).status_code == 404
    age_everything(40)
    kept.post(COMPLETE)  # the kept guest goes on studying
    assert "Removed 1 attempts, 0 section progress rows, 0 practice marks" in purge()
    assert kept.get(locations[0]).status_code == 200


@pytest.mark.django_db
def test_purge_keeps_recent_guests_and_accounts_and_removes_idle_guests(client):
    client.post(START)
    client.post(COMPLETE)
    client.post(
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/1/", {"done": "1"}
    )
    learner = User.objects.create_user("lee", password="a-long-pass-phrase-9")
    other = Client()
    other.force_login(learner)
    other.post(COMPLETE)
    assert "Removed 0 attempts, 0 section progress rows, 0 practice marks" in purge()
    age_everything(31)
    assert "Removed 1 attempts, 1 section progress rows, 1 practice marks" in purge()
    assert SectionProgress.objects.filter(user=learner).count() == 1
    assert "Removed 0 attempts" in purge("--days", "60")


@pytest.mark.django_db
def test_purge_refuses_a_retention_shorter_than_a_session():
    with pytest.raises(CommandError, match="--days must be at least 14"):
        purge("--days", "3")
