"""deploy/ nginx in front of a real app server: TLS, one trusted hop, static files, gzip, limits."""

import http.client
import re
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from deploy.nginx_conf import render_site, render_standalone

from .conftest import IN_CI
from .servers import HOST, app_env, free_ports, manage, start_gunicorn, stop, wait_for_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.deploy


def nginx_or_skip() -> str:
    """The nginx binary; a skip (a failure in CI) without it."""
    if not Path(NGINX).exists() or not shutil.which("openssl"):
        if IN_CI:
            pytest.fail("CI: nginx or openssl missing (apt-get install nginx-light openssl)")
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    return NGINX


def self_signed(workdir: Path) -> tuple[Path, Path]:
    """A throwaway certificate for the test host name."""
    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def nginx_conf(workdir: Path, *, upstream: int, http_port: int, https_port: int) -> Path:
    """deploy/nginx rendered for loopback ports, as a whole nginx.conf under workdir/nginx."""
    cert, key = self_signed(workdir)
    site = render_site(
        upstreams=[f"127.0.0.1:{upstream}"],
        server_name=HOST,
        tls_cert=str(cert),
        tls_key=str(key),
        static_root=str(workdir / "static"),
        http_listen=f"127.0.0.1:{http_port}",
        https_listen=f"127.0.0.1:{https_port}",
    )
    prefix = workdir / "nginx"
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(render_standalone(prefix=prefix, site=site))
    return conf


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """nginx on two loopback ports in front of one gunicorn on SQLite: (http, https) ports."""
    nginx = nginx_or_skip()
    workdir = tmp_path_factory.mktemp("nginx")
    env = app_env(workdir, DATABASE_URL=f"sqlite:///{workdir / 'app.sqlite3'}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    app_port, http_port, https_port = free_ports(3)
    conf = nginx_conf(workdir, upstream=app_port, http_port=http_port, https_port=https_port)
    checked = subprocess.run(
        [nginx, "-t", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    app = start_gunicorn(env, app_port, workdir / "app.log")
    server = subprocess.Popen([nginx, "-p", str(conf.parent), "-c", str(conf)])
    try:
        wait_for_port(https_port)
        yield http_port, https_port
    finally:
        stop(server)
        stop(app)


def fetch(
    port: int,
    path: str,
    *,
    tls: bool = True,
    method: str = "GET",
    body: bytes = b"",
    headers: dict | None = None,
) -> http.client.HTTPResponse:
    """One request to nginx, as a browser on the public name would send it."""
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body or None, {"Host": HOST, **(headers or {})})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def test_pages_come_through_tls_and_the_app_trusts_the_proxy_scheme(proxy):
    _, https = proxy
    page = fetch(https, "/chapters/networking-security/")
    assert page.status == 200  # no redirect loop: the app saw X-Forwarded-Proto https
    assert b"Networking and Security" in page.body
    assert page.getheader("Server") == "nginx"  # no version


def test_plain_http_is_sent_to_https(proxy):
    http_port, _ = proxy
    response = fetch(http_port, "/chapters/networking-security/", tls=False)
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/chapters/networking-security/"


def test_html_is_compressed(proxy):
    _, https = proxy
    page = fetch(https, "/chapters/networking-security/", headers={"Accept-Encoding": "gzip"})
    assert page.getheader("Content-Encoding") == "gzip"


def test_static_files_are_served_by_nginx_compressed_and_cached_for_a_year(proxy):
    _, https = proxy
    page = fetch(https, "/").body.decode()
    css = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
    response = fetch(https, css, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "immutable" in response.getheader("Cache-Control")
    assert "max-age=31536000" in response.getheader("Cache-Control")
    missing = fetch(https, "/static/no-such-file.css")
    assert missing.status == 404
    assert missing.getheader("Cache-Control") is None  # a miss is never cached for a year
    for found in (response, missing):
        assert found.getheader("X-Content-Type-Options") == "nosniff"
        assert found.getheader("X-Frame-Options") == "DENY"
        assert found.getheader("Cross-Origin-Resource-Policy") == "same-origin"
        assert "max-age=31536000" in found.getheader("Strict-Transport-Security")
        assert "default-src 'none'" in found.getheader("Content-Security-Policy")


def test_oversized_bodies_are_refused_before_the_app(proxy):
    _, https = proxy
    big = b"x" * (2 * 1024 * 1024)
    response = fetch(
        https,
        "/accounts/login/",
        method="POST",
        body=big,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413


def test_readiness_is_visible_through_the_proxy_and_never_cached(proxy):
    _, https = proxy
    response = fetch(https, "/readyz")
    assert response.status == 200
    assert b'"status": "ok"' in response.body
    assert "no-store" in response.getheader("Cache-Control")
