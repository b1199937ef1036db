"""Request bodies: a 20 MB upload gets a clear 413 page on every POST endpoint, never a 500."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

pytestmark = pytest.mark.django_db
BOUNDARY = "studyhallboundary"
HUGE = (
    (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    + b"\0" * (20 * 1024 * 1024)
    + f"\r\n--{BOUNDARY}--\r\n".encode()
)


def every_route(patterns: list, prefix: str = "") -> list[str]:
    """Every path() route in the URLconf, with each converter filled by a sample value."""
    routes = []
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern):
            continue
        route = prefix + re.sub(r"<[^>]+>", "x", str(entry.pattern))
        if isinstance(entry, URLResolver):
            routes += every_route(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes


ROUTES = sorted(set(every_route(get_resolver().url_patterns)))


def test_the_route_list_covers_the_post_endpoints():
    for route in ("accounts/login/", "accounts/signup/", "quiz/attempts/x/answer/"):
        assert route in ROUTES


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_20_mb_upload_gets_a_413_page_everywhere(client, signed_in):
    if signed_in:
        client.force_login(User.objects.create_user("big", password="a-long-pass-phrase-9"))
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    for route in ROUTES:
        response = client.post("/" + route, HUGE, content_type=content_type)
        assert response.status_code == 413, route
        page = response.content.decode()
        assert "That request was too large" in page, route
        assert "Content-Security-Policy" in response.headers, route
    assert not User.objects.exclude(username="big").exists()


def test_more_than_one_file_part_is_refused_with_a_400_not_a_500(client):
    part = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n'
    )
    body = part * 2 + f"--{BOUNDARY}--\r\n"  # the one upload (a roster) takes a single file
    response = client.post(
        "/accounts/password_reset/", body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )
    assert response.status_code == 400


def test_a_form_just_under_the_limit_still_works(client):
    response = client.post(
        "/accounts/password_reset/", {"email": "a@example.org", "pad": "x" * 60000}
    )
    assert response.status_code == 302
