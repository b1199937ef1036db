"""Form bodies in a character set the app cannot read get a clear 415, never the server's 500."""

import io
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
)
TOKEN = "a" * 32


def wsgi_post(path: str, body: bytes, content_type: str) -> tuple[str, dict, bytes]:
    """POST through Django's WSGI handler (as gunicorn calls it), with a valid CSRF pair."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "HTTP_COOKIE": f"csrftoken={TOKEN}",
        "HTTP_X_CSRFTOKEN": TOKEN,
    }
    seen = {}

    def start_response(status: str, headers: list, exc_info: object = None) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    # As Django's test client does: keep the test's connection (and transaction) open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body_out = b"".join(WSGIHandler()(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body_out


@pytest.mark.parametrize("charset", ["utf-16", "UTF-32", "latin-1", "no-such-charset"])
@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/chapters/networking-security/hpc-networking/complete/",
    ],
)
def test_urlencoded_body_in_another_charset_gets_a_clear_415(path, charset):
    body = "username=a&password=b".encode("utf-16" if "16" in charset else "latin-1")
    status, headers, content = wsgi_post(
        path, body, f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert status.startswith("415")
    assert b"Forms must be sent as UTF-8 text." in content
    for name in SECURITY_HEADERS:
        assert name in headers


def test_utf8_declared_charset_still_works():
    status, _, _ = wsgi_post(
        "/accounts/login/",
        b"username=a&password=b",
        "application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert status.startswith("200")  # the login form again, with its error


def test_multipart_in_utf16_gets_a_clear_415(client):
    response = client.post(
        "/accounts/login/",
        b"--x--\r\n",
        content_type="multipart/form-data; boundary=x; charset=utf-16",
    )
    assert response.status_code == 415
