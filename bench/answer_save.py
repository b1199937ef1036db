"""Benchmark: answer saves under gunicorn with 8 concurrent learners on a file-backed SQLite.

Each learner has a signed-in session and a pre-study attempt; they change their answers as
fast as the server allows. Prints saves/s, p50/p95 latency and errors, then checks the database:
every learner's last answer to every question must be stored (zero lost answers).
Loopback only; bounded to --requests per learner.

    .venv/bin/python bench/answer_save.py [--learners 8] [--requests 100] [--workers 3]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETUP = """
import json, secrets
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from courses.catalog import get_course
from quiz import attempts
chapter = get_course().chapters[0]
pre = next(a for a in chapter.assessments if a.kind == "pre")
out = []
for n in range({learners}):
    user = User.objects.create_user(f"bench{{n}}", password=secrets.token_urlsafe(16))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    attempt = attempts.start_attempt(user=user, session=session, chapter=chapter,
                                     assessment=pre, content_version="bench")
    questions = {{q.position: [c["token"] for c in q.choices] for q in attempt.questions.all()}}
    out.append({{"session": session.session_key, "attempt": attempt.public_id,
                "questions": questions}})
print(json.dumps(out))
"""
CHECK = """
import json
from quiz.models import Answer, AttemptQuestion
expected = json.loads('''{expected}''')
lost = 0
for public_id, last in expected.items():
    chosen = dict(Answer.objects.filter(attempt__public_id=public_id)
                  .values_list("position", "choice_id"))
    asked = AttemptQuestion.objects.select_related("attempt", "version")
    for q in asked.filter(attempt__public_id=public_id):
        token = last.get(str(q.position))
        if token is None:
            continue
        want = next(c["id"] for c in q.choices if c["token"] == token)
        lost += chosen.get(q.position) != want
print(lost)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="answer saves per learner")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="studyhall-bench-"))
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "bench-only-" + "z" * 50,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STUDYHALL_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "STUDYHALL_PASSWORD_RESET": "0",
    }  # no email host here, so password reset is off (system check accounts.E001)
    manage(env, "migrate", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    learners = json.loads(manage(env, "shell", "-v0", "-c", SETUP.format(learners=args.learners)))
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [
        gunicorn,
        "config.wsgi",
        "--workers",
        str(args.workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "error",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_for(port)
        run(port, learners, args, env)
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
            return
        except OSError:
            time.sleep(0.1)


def run(port: int, learners: list[dict], args: argparse.Namespace, env: dict) -> None:
    latencies, errors, last = [], [0], {}
    lock, barrier = threading.Lock(), threading.Barrier(len(learners))

    def learner(me: dict) -> None:
        secret = "b" * 32  # the CSRF secret: sent as cookie and header, as htmx does
        headers = {
            "Host": "localhost",
            "HX-Request": "true",
            "X-CSRFToken": secret,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={me['session']}; csrftoken={secret}",
        }
        positions = sorted(me["questions"], key=int)
        mine, sent = [], {}
        barrier.wait()
        for i in range(args.requests):
            pos = positions[i % len(positions)]
            token = me["questions"][pos][(i // len(positions)) % len(me["questions"][pos])]
            start = time.perf_counter()
            conn = HTTPConnection("127.0.0.1", port, timeout=10)
            path = f"/quiz/attempts/{me['attempt']}/answer/"
            conn.request("POST", path, urllib.parse.urlencode({f"q{pos}": token}), headers)
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                mine.append(time.perf_counter() - start)
                sent[pos] = token
            else:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)
            last[me["attempt"]] = sent

    threads = [threading.Thread(target=learner, args=(me,)) for me in learners]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    lost = int(manage(env, "shell", "-v0", "-c", CHECK.format(expected=json.dumps(last))))
    p50, p95 = (statistics.quantiles(latencies, n=100)[q - 1] * 1000 for q in (50, 95))
    print(
        f"{len(learners)} learners x {args.requests} answer saves, gunicorn {args.workers} "
        f"sync workers, SQLite (WAL, IMMEDIATE)"
    )
    print(f"throughput: {len(latencies) / elapsed:.1f} saves/s over {elapsed:.1f} s")
    print(f"latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"errors: {errors[0]}   lost answers: {lost}")
    print("OK" if errors[0] == 0 and lost == 0 else "FAILED")


if __name__ == "__main__":
    main()
