"""Shared benchmark harness: a throw-away site under gunicorn on loopback, pages vs static twins.

A page is compared with a whitenoise static file holding the same bytes, in alternating rounds
of one run, so the ratio does not depend on the machine. Loopback only; bounded in time.
"""

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Page:
    """One page to measure: its path, the cookies its reader sends, its target ratio."""

    name: str
    path: str
    target: float
    cookie: str = ""
    twin: str = field(default="")


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(
    port: int, path: str, *, method: str = "GET", headers: dict | None = None
) -> tuple[int, bytes, dict]:
    """One request on a fresh connection; (status, body, headers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers={"Host": "localhost", **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    all_headers = {k: v for k, v in response.getheaders()}
    all_headers["set-cookie-count"] = len(response.msg.get_all("Set-Cookie") or [])
    conn.close()
    return response.status, body, all_headers


def manage(env: dict, *args: str) -> str:
    """Run a manage.py command in the throw-away site; its stdout."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@contextmanager
def site(setup: str = ""):
    """A migrated throw-away database and static root; yields (env, setup's JSON output)."""
    workdir = Path(tempfile.mkdtemp(prefix="studyhall-bench-"))
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "bench-only-" + "q" * 50,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "STUDYHALL_PASSWORD_RESET": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "STUDYHALL_STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
    }
    try:
        manage(env, "migrate", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        yield env, json.loads(manage(env, "shell", "-v0", "-c", setup)) if setup else None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


TWINS = """
import json
from django.test import Client
out = {}
for name, path, cookie in json.loads(PAGES):
    client = Client(HTTP_HOST="localhost")
    if cookie:
        client.cookies.load(cookie)
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    out[name] = response.content.decode()
print(json.dumps(out))
"""


def write_twins(env: dict, pages: list[Page]) -> None:
    """Render each page once and store its bytes as a static file (whitenoise indexes at start)."""
    spec = json.dumps([[p.name, p.path, p.cookie] for p in pages])
    rendered = json.loads(manage(env, "shell", "-v0", "-c", f"PAGES = {spec!r}\n{TWINS}"))
    folder = Path(env["STUDYHALL_STATIC_ROOT"], "bench")
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        slug = page.name.replace(" ", "-")
        (folder / f"{slug}.html").write_text(rendered[page.name])
        page.twin = f"/static/bench/{slug}.html"


@contextmanager
def gunicorn(env: dict, workers: int):
    """gunicorn on a free loopback port; yields (port, seconds until it first answered)."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "config.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "error",
    ]
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        for _ in range(200):
            try:
                request(port, "/")
                break
            except OSError:
                time.sleep(0.05)
        yield port, time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)


def load(port: int, path: str, cookie: str, seconds: float, clients: int) -> list[float]:
    """GET `path` from `clients` threads for `seconds`; latencies of the 200s (errors raise)."""
    deadline = time.perf_counter() + seconds
    lock, latencies, errors = threading.Lock(), [], []
    headers = {"Cookie": cookie} if cookie else {}

    def worker() -> None:
        mine = []
        while time.perf_counter() < deadline and len(mine) < 20_000:
            start = time.perf_counter()
            status, _, _ = request(port, path, headers=headers)
            if status != 200:
                errors.append(status)
                return
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, f"{path}: HTTP {errors[:3]}"
    return latencies


def pct(values: list[float], q: int) -> float:
    """The q-th percentile in milliseconds."""
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def compare(port: int, pages: list[Page], *, seconds: float, rounds: int, clients: int) -> bool:
    """Print each page's throughput against its static twin; True when all meet their target."""
    ok = True
    for page in pages:
        runs = {"static": [], "page": []}
        for _ in range(rounds):
            runs["static"] += load(port, page.twin, "", seconds, clients)
            runs["page"] += load(port, page.path, page.cookie, seconds, clients)
        rate = {k: len(v) / (rounds * seconds) for k, v in runs.items()}
        ratio = rate["page"] / rate["static"]
        verdict = "OK" if ratio >= page.target else "BELOW TARGET"
        print(
            f"{page.name:<22} {rate['page']:7.1f} req/s vs static {rate['static']:7.1f}  "
            f"p50 {pct(runs['page'], 50):5.1f} ms  p95 {pct(runs['page'], 95):5.1f} ms  "
            f"ratio {ratio:.2f} (target >= {page.target:.2f}) {verdict}"
        )
        ok &= ratio >= page.target
    return ok
