"""Through a real nginx hop: failures from one client address lock out that address only."""

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.models import User

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = """
{user}
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://127.0.0.1:{upstream};
      proxy_set_header Host localhost;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
  }}
}}
"""
PASSWORD = "a-long-pass-phrase-9"
CLIENT_X, CLIENT_Y = "127.0.0.2", "127.0.0.3"


def listening(port: int) -> bool:
    """Does something accept connections on 127.0.0.1:`port`?"""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    """A free port in the range this project's test servers may use (8400-8499)."""
    for port in range(8400, 8500):
        if not listening(port):
            return port
    raise RuntimeError("no free port in 8400-8499")


@pytest.fixture
def nginx(live_server, tmp_path: Path):
    """nginx on 127.0.0.1 in front of the live server, appending to X-Forwarded-For."""
    if not os.path.exists(NGINX):
        pytest.skip("nginx is not installed (.ci/run installs it)")
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""
    upstream = urlsplit(live_server.url).port
    conf = CONF.format(user=user, dir=tmp_path, port=port, upstream=upstream)
    (tmp_path / "nginx.conf").write_text(conf)
    proc = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    deadline = time.monotonic() + 10
    while not listening(port):
        assert proc.poll() is None, (tmp_path / "error.log").read_text()
        assert time.monotonic() < deadline, "nginx did not start"
        time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def log_in(port: int, source: str, username: str, password: str, spoof: str = "") -> int:
    """GET the form, then POST it, from `source`; the login status code."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    extra = {"X-Forwarded-For": spoof} if spoof else {}
    conn.request("GET", "/accounts/login/", headers=extra)
    page = conn.getresponse()
    html = page.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    conn.request("POST", "/accounts/login/", body=body, headers={**headers, **extra})
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.mark.django_db(transaction=True)
def test_lockout_through_the_proxy_hits_the_guessing_address_only(nginx, settings):
    settings.STUDYHALL_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_user("vic", password=PASSWORD)
    # X guesses, forging X-Forwarded-For to pin the failures on Y's address.
    statuses = [log_in(nginx, CLIENT_X, "vic", "wrong", spoof=CLIENT_Y) for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert log_in(nginx, CLIENT_X, "vic", PASSWORD) == 429  # X is locked out
    assert log_in(nginx, CLIENT_Y, "vic", PASSWORD) == 302  # the real user at Y is not
