"""Load and fault test: N learners answer and submit while one gunicorn worker is killed (-9).

Starts gunicorn (deploy/gunicorn.conf.py, --workers) on 127.0.0.1 against a fresh SQLite file,
or against DATABASE_URL when set (PostgreSQL: give it a scratch database). Each learner starts an
assessment, answers every question, submits (changing some answers on the way), and starts
again (post-study) until the time is up. Midway one worker gets SIGKILL. Then it prints 5xx
responses, dropped connections, acknowledged answers or submissions lost, duplicate rows,
throughput and p95 latency.

    .venv/bin/python bench/load.py [--learners 32] [--workers 3] [--seconds 20]
"""

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.load_check import CHECK, SETUP
from bench.load_learner import Learner, Stats

ROOT = Path(__file__).resolve().parents[1]
STATIC = Path(tempfile.gettempdir()) / "studyhall-load-static"  # reused: collectstatic is quick


def manage(env: dict, *args: str, stdin: str = "") -> str:
    """A management command under the benchmark's settings; its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        input=stdin,
    )
    return done.stdout


def workers_of(master: int) -> list[int]:
    """The worker processes gunicorn forked."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def start_server(env: dict, workers: int, port: int, log: Path) -> subprocess.Popen:
    """gunicorn with the production settings file, answering /healthz."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server_env = {**env, "STUDYHALL_BIND": f"127.0.0.1:{port}", "STUDYHALL_WORKERS": str(workers)}
    with log.open("ab") as out:
        server = subprocess.Popen(
            [gunicorn, "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=server_env,
            stdout=out,
            stderr=out,
        )
    for _ in range(300):
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")


def main() -> None:
    """Set up, run the learners, kill a worker midway, check the database, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20, help="load phase (bounded < 60)")
    parser.add_argument("--port", type=int, default=8391)
    args = parser.parse_args()
    seconds = min(args.seconds, 50)
    workdir = Path(tempfile.mkdtemp(prefix="studyhall-load-"))
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'load.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "load-only-" + "z" * 50,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "STUDYHALL_PASSWORD_RESET": "0",
        "DATABASE_URL": database,
        "STUDYHALL_STATIC_ROOT": str(STATIC),
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    manage(env, "migrate", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    run_id = f"load{int(time.time())}"
    setup = json.loads(
        manage(env, "shell", "-v0", "-c", SETUP.format(learners=args.learners, prefix=run_id))
    )
    server = start_server(env, args.workers, args.port, workdir / "gunicorn.log")
    try:
        stats, learners, elapsed, killed = run(args.port, setup, seconds, server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    expected = {aid: rec for ln in learners for aid, rec in ln.attempts.items()}
    (workdir / "expected.json").write_text(json.dumps(expected))
    program = CHECK.format(path=workdir / "expected.json", prefix=run_id)
    check = json.loads(manage(env, "shell", "-v0", "-c", program))
    report(args, database, stats, elapsed, killed, check, expected)


def run(port: int, setup: dict, seconds: float, master: int) -> tuple:
    """The learners until the deadline; one worker killed at half time."""
    stats = Stats()
    deadline = time.monotonic() + seconds
    learners = [Learner(port, s, stats, deadline) for s in setup["sessions"]]

    def go(learner: Learner) -> None:
        kind = "pre"
        while time.monotonic() < deadline:  # a sitting cut short by the deadline stays open
            learner.sitting(setup["chapter"], kind)
            kind = "post"

    threads = [threading.Thread(target=go, args=(ln,)) for ln in learners]
    began = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds / 2)
    victim = random.choice(workers_of(master))
    os.kill(victim, signal.SIGKILL)
    for t in threads:
        t.join()
    return stats, learners, time.perf_counter() - began, victim


def report(args, database, stats, elapsed, killed, check, expected) -> None:
    """Print the figures, then OK or FAILED."""
    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite (WAL, IMMEDIATE)"
    p95 = statistics.quantiles(stats.latencies, n=100)[94] * 1000
    submitted = sum(r["submitted"] for r in expected.values())
    print(
        f"{args.learners} learners, gunicorn {args.workers} sync workers, {engine}, "
        f"worker {killed} killed with -9 at {args.seconds / 2:.0f} s"
    )
    print(
        f"requests: {len(stats.latencies)} answered in {elapsed:.1f} s = "
        f"{len(stats.latencies) / elapsed:.1f} req/s; p95 {p95:.1f} ms"
    )
    print(f"attempts: {len(expected)} started, {submitted} submissions acknowledged")
    print(
        f"5xx: {stats.counts['5xx']}   4xx: {stats.counts['4xx']}   "
        f"dropped connections (the killed worker's): {stats.counts['dropped']}"
    )
    print(
        f"acknowledged answers lost: {check['lost_answers']}   acknowledged submissions "
        f"lost: {check['lost_submissions']}   duplicate rows: {check['duplicates']}"
    )
    bad = stats.counts["5xx"] + stats.counts["4xx"] + sum(check.values())
    print("OK" if bad == 0 else "FAILED")


if __name__ == "__main__":
    main()
