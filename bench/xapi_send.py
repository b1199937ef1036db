"""Benchmark: xAPI statements per second from the outbox to a real LRS (ralph) on loopback.

Queues --statements statements (every type, many learners) in the outbox of a scratch SQLite
database, starts ralph (from .lrs-venv, which `.ci/lrs.sh` creates) unless XAPI_TEST_LRS_URL is
set, sends them all with the sender the worker runs, and prints statements/s; then the same
batches POSTed straight to the LRS, as a ratio (the outbox's bookkeeping cost).

    .venv/bin/python bench/xapi_send.py [--statements 2000] [--batch 100]
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_ralph(scratch: Path) -> tuple[subprocess.Popen, str]:
    """A ralph LRS on a free port with fresh credentials."""
    python = ROOT / ".lrs-venv" / "bin" / "python"
    if not python.exists():
        sys.exit("No .lrs-venv: run `source .ci/lrs.sh` once to create it.")
    env = {**os.environ, "RALPH_APP_DIR": str(scratch / "app"), "RALPH_RUNSERVER_BACKEND": "fs"}
    subprocess.run(
        [
            str(python.parent / "ralph"),
            "auth",
            "-u",
            "lrs",
            "-p",
            "bench",
            "-s",
            "all",
            "-M",
            "mailto:lrs@example.org",
            "-w",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [str(python), str(ROOT / ".ci" / "ralph_lrs.py"), str(scratch / "data"), str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    return server, f"http://127.0.0.1:{port}/xAPI"


def statements(count: int, tag: str) -> list[dict]:
    """`count` distinct statements of every type."""
    from reports import xapi

    when = datetime.now(UTC)
    out = []
    for n in range(count):
        site = xapi.Site(url="http://127.0.0.1:8000", actor_name=xapi.actor_name(n // 20, tag))
        act = xapi.Activity(path=f"/chapters/ch/s{n % 20}/", title=f"Section {n}", type="lesson")
        ch = xapi.Activity(path="/chapters/ch/", title="Chapter", type="module")
        build = (xapi.section_experienced, xapi.section_completed)[n % 2]
        out.append(build(site, chapter=ch, section=act, when=when))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="xapi-bench-"))
    (scratch / "data").mkdir()
    server, url = None, os.environ.get("XAPI_TEST_LRS_URL", "")
    user = os.environ.get("XAPI_TEST_LRS_USERNAME", "lrs")
    password = os.environ.get("XAPI_TEST_LRS_PASSWORD", "bench")
    if not url:
        server, url = start_ralph(scratch)
    os.environ.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        XAPI_LRS_URL=url,
        XAPI_LRS_USERNAME=user,
        XAPI_LRS_PASSWORD=password,
        XAPI_BATCH_SIZE=str(args.batch),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from reports import lrs, outbox

    call_command("migrate", verbosity=0)
    try:
        outbox.queue(statements(args.statements, "outbox"))
        began = time.perf_counter()
        sent = outbox.send_all()
        through_outbox = sent / (time.perf_counter() - began)
        direct = statements(args.statements, "direct")
        client = lrs.Lrs(url=url, username=user, password=password, timeout=30)
        began = time.perf_counter()
        for start in range(0, len(direct), args.batch):
            lrs.post_batch(client, direct[start : start + args.batch])
        straight = len(direct) / (time.perf_counter() - began)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
    print(f"xAPI to ralph on loopback: {sent} statements in batches of {args.batch}")
    print(f"  through the outbox: {through_outbox:8.0f} statements/s")
    print(f"  POSTed directly:    {straight:8.0f} statements/s")
    print(f"  outbox / direct:    {through_outbox / straight:8.2f}x")


if __name__ == "__main__":
    main()
