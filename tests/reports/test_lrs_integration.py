"""A real LRS (ralph, started by .ci/lrs.sh): statements arrive, also after it was down, once."""

import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from reports import outbox
from reports.models import OutboxStatement

from .conftest import DATABASE
from .test_outbox import study

URL = os.environ.get("XAPI_TEST_LRS_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not URL and not os.environ.get("CI"),
        reason="no LRS: run `source .ci/lrs.sh` (CI does) to start ralph",
    ),
]


def auth() -> str:
    pair = f"{os.environ['XAPI_TEST_LRS_USERNAME']}:{os.environ['XAPI_TEST_LRS_PASSWORD']}"
    return "Basic " + base64.b64encode(pair.encode()).decode()


def stored_ids() -> list[str]:
    """Every statement id the LRS holds (with repeats, if it ever stored one twice)."""
    ids, url = [], f"{URL}/statements/?limit=500"
    while url:
        request = urllib.request.Request(url, headers={"Authorization": auth()})
        with urllib.request.urlopen(request, timeout=10) as response:
            page = json.load(response)
        ids += [s["id"] for s in page["statements"]]
        more = page.get("more")
        url = f"{URL.rsplit('/xAPI', 1)[0]}{more}" if more else ""
    return ids


def listening(port: int) -> bool:
    """Whether something answers on the loopback port."""
    try:
        socket.create_connection(("127.0.0.1", port), 0.5).close()
    except OSError:
        return False
    return True


def wait_port(port: int, up: bool) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.2)
    raise AssertionError(f"LRS port {port} did not go {'up' if up else 'down'}")


def start_lrs() -> subprocess.Popen:
    port = os.environ["XAPI_TEST_LRS_PORT"]
    launcher = Path(__file__).resolve().parents[2] / ".ci" / "ralph_lrs.py"
    command = [
        os.environ["XAPI_TEST_LRS_PYTHON"],
        str(launcher),
        os.environ["XAPI_TEST_LRS_DATA"],
        port,
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(int(port), up=True)
    return process


def test_statements_reach_ralph_once_including_after_it_was_down(settings):
    assert URL, "CI must start the LRS: .ci/run sources .ci/lrs.sh"
    settings.TASKS = DATABASE
    settings.XAPI_LRS_URL = URL
    settings.XAPI_LRS_USERNAME = os.environ["XAPI_TEST_LRS_USERNAME"]
    settings.XAPI_LRS_PASSWORD = os.environ["XAPI_TEST_LRS_PASSWORD"]
    # CI runs the suite twice (SQLite, then PostgreSQL) against one LRS that an earlier run of
    # this test took down and brought back only for itself: start one here when none answers.
    port = int(os.environ["XAPI_TEST_LRS_PORT"])
    own = None if listening(port) else start_lrs()
    first, second = Client(), Client()
    first.force_login(User.objects.create_user("ann", password="a-long-pass-phrase-a"))
    second.force_login(User.objects.create_user("bob", password="a-long-pass-phrase-b"))
    study(first)
    assert outbox.send_all() == 18

    if own is None:  # the LRS goes down
        os.kill(int(os.environ["XAPI_TEST_LRS_PID"]), signal.SIGTERM)
    else:
        own.terminate()
        own.wait(timeout=10)
    wait_port(port, up=False)
    study(second)
    assert outbox.send_batch().sent == 0
    assert OutboxStatement.objects.filter(sent_at=None).count() == 18
    restarted = start_lrs()  # ... and comes back
    try:
        OutboxStatement.objects.update(next_try_at=timezone.now())  # the backoff has passed
        assert outbox.send_all() == 18
        assert outbox.send_all() == 0
        mine = {str(r.statement_id) for r in OutboxStatement.objects.all()}
        ids = [i for i in stored_ids() if i in mine]
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)
    assert len(ids) == len(mine) == 36 and len(set(ids)) == 36
