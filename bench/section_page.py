"""Benchmark: a section page under gunicorn vs a static file of the same bytes via whitenoise.

Prints requests/s for both, measured in alternating rounds in one run, their ratio (target:
page >= 0.5 x static), latency percentiles, and the first-load weight of a section page
(HTML + CSS + JS, compressed; target < 60 KB). Loopback only; bounded in time and count.

    .venv/bin/python bench/section_page.py [--seconds 4] [--rounds 3] [--concurrency 8]
"""

import argparse
import gzip
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "/chapters/networking-security/hpc-networking/"
ENV = {
    **os.environ,
    "DJANGO_SECRET_KEY": "bench-only-" + "q" * 50,
    "DJANGO_DEBUG": "0",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_HSTS_SECONDS": "0",
    "DJANGO_LOG_LEVEL": "ERROR",
    "STUDYHALL_PASSWORD_RESET": "0",  # no email host here: the reset check would refuse
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(
    port: int, path: str, headers: dict | None = None, jar: dict | None = None
) -> tuple[int, bytes, dict]:
    """GET a path; with a cookie `jar`, send its cookies and keep the ones set, like a browser."""
    sent = {"Host": "localhost", **(headers or {})}
    if jar:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=sent)
    response = conn.getresponse()
    body = response.read()
    if jar is not None:
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            jar[name] = rest.split(";", 1)[0]
    conn.close()
    return response.status, body, dict(response.getheaders())


def load(port: int, path: str, seconds: float, concurrency: int) -> tuple[int, int, list[float]]:
    """Hit `path` from `concurrency` threads for `seconds`; return (ok, errors, latencies)."""
    deadline = time.perf_counter() + seconds
    lock, latencies, errors = threading.Lock(), [], [0]

    def worker() -> None:
        mine, bad, jar = [], 0, {}  # each client is one reader's browser, keeping its cookies
        while time.perf_counter() < deadline and len(mine) < 20_000:
            start = time.perf_counter()
            try:
                status, _, _ = get(port, path, jar=jar)
                ok = status == 200
            except OSError:
                ok = False
            if ok:
                mine.append(time.perf_counter() - start)
            else:
                bad += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), errors[0], latencies


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    static_root = Path(tempfile.mkdtemp(prefix="studyhall-bench-"))
    env = {**ENV, "STUDYHALL_STATIC_ROOT": str(static_root)}
    py = sys.executable
    manage = [py, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    # Render the page once so the static twin has exactly its bytes (whitenoise indexes at start).
    html = subprocess.run(
        [*manage, "shell", "-v0", "-c",
         "from django.test import Client; import sys; "
         f"sys.stdout.buffer.write(Client(HTTP_HOST='localhost').get('{SECTION}').content)"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    ).stdout  # fmt: skip
    (static_root / "bench").mkdir()
    (static_root / "bench" / "section.html").write_bytes(html)

    port = free_port()
    server = subprocess.Popen(
        [str(Path(py).with_name("gunicorn")), "config.wsgi", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "error"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                if get(port, "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        report(port, html, args)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(static_root, ignore_errors=True)


def report(port: int, html: bytes, args: argparse.Namespace) -> None:
    status, page, _ = get(port, SECTION)
    assert status == 200, status
    static_path = "/static/bench/section.html"
    # Same size and content; only the per-request CSRF token in the page differs.
    assert len(page) == len(html) == len(get(port, static_path)[1]), "twin must match the page"
    print(
        f"Section page: {SECTION}, {len(page):,} bytes; static twin: the same bytes "
        "(bar the CSRF token)"
    )
    print(f"gunicorn {args.workers} sync workers, {args.concurrency} concurrent clients, "
          f"{args.rounds} alternating rounds of {args.seconds:g} s each\n")  # fmt: skip
    totals = {"static": [0, 0, []], "page": [0, 0, []]}
    for _ in range(args.rounds):
        for name, path in (("static", static_path), ("page", SECTION)):
            ok, bad, lat = load(port, path, args.seconds, args.concurrency)
            totals[name][0] += ok
            totals[name][1] += bad
            totals[name][2] += lat
    seconds = args.rounds * args.seconds
    rate = {name: t[0] / seconds for name, t in totals.items()}
    for name, (_ok, bad, lat) in totals.items():
        print(f"{name:>6}: {rate[name]:8.1f} req/s  p50 {pct(lat, 50):6.1f} ms  "
              f"p95 {pct(lat, 95):6.1f} ms  errors {bad}")  # fmt: skip
    ratio = rate["page"] / rate["static"]
    verdict = "OK" if ratio >= 0.5 else "BELOW TARGET"
    print(f"\nthroughput ratio page/static: {ratio:.2f} (target >= 0.50) {verdict}\n")
    weight(port, page)


def weight(port: int, page: bytes) -> None:
    """First load of a section page: HTML (gzip) + every stylesheet and script, compressed."""
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page)
    rows = [("HTML (gzip -6)", len(page), len(gzip.compress(page, 6)))]
    for asset in assets:
        path = asset.decode()
        _, raw, _ = get(port, path)
        _, wire, headers = get(port, path, {"Accept-Encoding": "br, gzip"})
        rows.append(
            (f"{path} ({headers.get('Content-Encoding', 'identity')})", len(raw), len(wire))
        )
    for name, raw, wire in rows:
        print(f"  {name:<60} {raw:>8,} B raw {wire:>8,} B compressed")
    total = sum(wire for _, _, wire in rows)
    verdict = "OK" if total < 60_000 else "ABOVE TARGET"
    print(f"first-load weight, compressed: {total / 1000:.1f} KB (target < 60 KB) {verdict}")


if __name__ == "__main__":
    main()
