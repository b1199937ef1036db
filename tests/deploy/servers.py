"""Real app servers for deployment tests: gunicorn processes on loopback, a small HTTP client."""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from deploy import loopback

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "study.test"  # the public name nginx would pass on as Host
PORTS = range(8300, 8400)  # the ports these machines allow test servers on


def free_ports(count: int) -> list[int]:
    """Free loopback ports in the allowed range."""
    return loopback.free_ports(count, PORTS)


def free_port() -> int:
    """A free loopback port in the allowed range."""
    return free_ports(1)[0]


wait_for_port = loopback.wait_for_port
stop = loopback.stop


def app_env(workdir: Path, **extra: str) -> dict[str, str]:
    """Production-like settings behind one proxy hop; the caller adds DATABASE_URL etc."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    return {
        **clean,
        "DJANGO_SECRET_KEY": "deploy-test-only-" + "q" * 50,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "STUDYHALL_PASSWORD_RESET": "0",  # no email host here (accounts.E001 would refuse)
        "STUDYHALL_STATIC_ROOT": str(workdir / "static"),
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command with these settings; its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def start_gunicorn(env: dict[str, str], port: int, log: Path, workers: int = 1) -> subprocess.Popen:
    """deploy/gunicorn.conf.py on 127.0.0.1:port; returns once /healthz answers."""
    server_env = {**env, "STUDYHALL_BIND": f"127.0.0.1:{port}", "STUDYHALL_WORKERS": str(workers)}
    command = [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--log-level", "warning"]
    with log.open("ab") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=server_env, stdout=out, stderr=out)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"gunicorn did not start: {log.read_text()[-2000:]}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Let the test see redirects instead of following them."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Response:
    """What came back: status, headers, body text."""

    status: int
    headers: dict[str, str]
    text: str


@dataclass
class Browser:
    """One learner's cookies, sent to whichever app server it talks to, as behind nginx."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        port: int,
        method: str,
        path: str,
        data: dict | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """One request to the app server on `port` as if nginx had terminated TLS for it."""
        body = urllib.parse.urlencode(data or {}, doseq=True).encode() if method == "POST" else None
        sent = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{HOST}/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **(headers or {}),
        }
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", body, sent, method=method)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(req, timeout=20) as r:
                status, head, text = r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as error:
            status, head, text = error.code, error.headers, error.read().decode()
        for value in head.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return Response(status, dict(head.items()), text)

    def csrf(self) -> str:
        """The CSRF token: the cookie's value is accepted as the form field too."""
        return self.cookies["csrftoken"]


def field_values(html: str, name_pattern: str) -> dict[str, list[str]]:
    """Radio values by input name, for names matching `name_pattern`."""
    found: dict[str, list[str]] = {}
    for name, value in re.findall(r'name="(' + name_pattern + r')" value="([^"]+)"', html):
        found.setdefault(name, []).append(value)
    return found
