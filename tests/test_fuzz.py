"""Every route, every kind of bad input, three kinds of visitor: never a 5xx, always the headers.

Run with `-s` to see how many requests were sent and the status codes they got.
"""

import itertools
import re
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from courses.catalog import get_course
from quiz.models import GUEST_KEY

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
)
COUNTS: Counter = Counter()
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
FIELDS = {
    "done": "1",
    "rating": "could_answer",
    "q1": "x",
    "confirm": "x",
    "email": "a@b.example",
    "next": "/progress/",
    "submit": "1",
}
FORM = "application/x-www-form-urlencoded"


def routes() -> Iterator[str]:
    """Every route in the URLconf, as its pattern text."""

    def walk(patterns: list, prefix: str) -> Iterator[str]:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    return walk(get_resolver().url_patterns, "")


def values(ids: dict[str, str]) -> dict[str, list[str]]:
    """For each URL parameter: a valid value first, then unknown and malformed ones."""
    chapter, guide = get_course().chapters[0], get_course().guides[0]
    return {
        "chapter_id": [chapter.id, "no-such-chapter", "%00"],
        "section_id": [chapter.sections[0].id, "no-such-section", "a%00b"],
        "guide_id": [guide.id, "no-such-guide"],
        "project_id": [guide.projects[0].id, "no-such-project"],
        "number": ["1", "0", "99999999999999999999999"],
        "question_id": [guide.interview_questions[0].id, "no-such-question"],
        "kind": ["pre", "post", "no-such-kind"],
        "public_id": [ids["mine"], ids["theirs"], "AAAAAAAAAAAAAAAA", "%00", "a" * 80],
        "uidb64": ["MQ", "%00", "!!"],
        "token": ["set-password", "abc-def", "%00"],
        "object_id": ["1", "%00", "x"],
        "content_type_id": ["1", "%00"],
        "id": ["1", "%00"],
        "app_label": ["auth"],
        "url": ["no/such/page", "%00"],
        "cohort_id": ["1", "999999", "99999999999999999999999"],
    }


GENERIC = ["1", "0", "99999999999999999999999", "no-such-thing", "%00"]
"""Values for a URL parameter the list above does not know yet (new routes are fuzzed too)."""


def paths(route: str, ids: dict[str, str]) -> tuple[str, list[str]]:
    """The route with valid values, and variants with one bad value each."""
    names = [m.group(2) or m.group(3) for m in PARAM.finditer(route)]
    options = {name: GENERIC for name in names} | values(ids)

    def build(chosen: dict[str, str]) -> str:
        text = PARAM.sub(lambda m: chosen[m.group(2) or m.group(3)], route)
        return "/" + text.lstrip("^").rstrip("$")

    valid = {n: options[n][0] for n in names}
    variants = [build({**valid, n: bad}) for n in names for bad in options[n][1:]]
    return build(valid), variants


def bodies() -> list[tuple[bytes, str]]:
    """Malformed, oddly encoded and oversized POST bodies with their content types."""
    plain = "&".join(f"{k}={v}" for k, v in FIELDS.items())
    return [
        (b"", FORM),
        (plain.encode(), FORM),
        (plain.replace("=", "=%00").encode() + b"&%00=%00", FORM),
        (plain.encode("utf-16"), f"{FORM}; charset=utf-16"),
        (plain.encode("utf-32"), f"{FORM}; charset=utf-32"),
        ("done=é".encode("latin-1"), f"{FORM}; charset=latin-1"),
        (plain.encode(), f"{FORM}; charset=no-such-charset"),
        (b"done=\xff\xfe&\xff=\xc3", FORM),
        ("&".join(f"f{i}=1" for i in range(1500)).encode(), FORM),
        (b"no multipart here", "multipart/form-data; boundary=xyz"),
        (
            b'--xyz\r\nContent-Disposition: form-data; name="done"\r\n\r\n1\r\n--xyz--\r\n',
            "multipart/form-data; boundary=xyz; charset=utf-16",
        ),
        (b"garbage", "multipart/form-data"),
        (b'{"done": ', "application/json"),
        (b"\x00\x01\x02", "application/octet-stream"),
    ]


def check(response, method: str, path: str) -> None:
    """No 5xx; error responses carry every security header."""
    COUNTS[response.status_code] += 1
    assert response.status_code < 500, f"{method} {path} -> {response.status_code}"
    if response.status_code >= 400:
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        assert not missing, f"{method} {path} -> {response.status_code} without {missing}"


def send_all(make_client, ids: dict[str, str]) -> None:
    """Every route: wrong methods, odd bodies and queries, and bad ids."""
    for route in routes():
        client = make_client()
        path, variants = paths(route, ids)
        admin = path.startswith("/admin/")
        for method in ("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "TRACE"):
            check(client.generic(method, path, b"done=\x00", content_type=FORM), method, path)
        query = f"{path}?next=%00&page=%FF%FE&%00=1&q={'x' * 5000}"
        check(client.get(query), "GET", query[:80])
        for body, content_type in bodies()[: 4 if admin else None]:
            check(client.generic("POST", path, body, content_type=content_type), "POST", path)
        for bad in variants[: 2 if admin else None]:
            check(client.get(bad), "get", bad)
            check(client.post(bad, b"done=1", content_type=FORM), "post", bad)


@pytest.fixture
def ids(django_user_model) -> dict[str, dict[str, str]]:
    """A learner and a guest, each with an attempt; their ids and sessions."""
    start = f"/quiz/chapters/{get_course().chapters[0].id}/assessments/pre/start/"
    learner = django_user_model.objects.create_user("fuzz", password="a-long-pass-phrase-9")
    signed_in = Client()
    signed_in.force_login(learner)
    guest = Client()
    mine = {
        "learner": signed_in.post(start)["Location"].split("/")[-2],
        "guest": guest.post(start)["Location"].split("/")[-2],
    }
    return {
        "learner": {"mine": mine["learner"], "theirs": mine["guest"]},
        "guest": {
            "mine": mine["guest"],
            "theirs": mine["learner"],
            "key": guest.session[GUEST_KEY],
        },
        "anonymous": {"mine": mine["guest"], "theirs": mine["learner"]},
    }


def client_for(visitor: str, ids: dict[str, str]):
    """A fresh client for each route: a logout or a deletion does not leak into the next."""

    def make() -> Client:
        client = Client(raise_request_exception=False)
        if visitor == "learner":
            client.force_login(User.objects.get(username="fuzz"))
        elif visitor == "guest":
            store = SessionStore()
            store[GUEST_KEY] = ids["key"]
            store.create()
            client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
        return client

    return make


@pytest.fixture(scope="session", autouse=True)
def _report() -> Iterator[None]:
    yield
    total = sum(COUNTS.values())
    by_status = ", ".join(f"{code}: {n}" for code, n in sorted(COUNTS.items()))
    print(f"\nfuzz: {total} requests; by status {by_status}")


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["anonymous", "guest", "learner"])
def test_no_input_gives_a_server_error_or_loses_the_security_headers(visitor, ids):
    send_all(client_for(visitor, ids[visitor]), ids[visitor])


@pytest.mark.django_db
def test_odd_bodies_with_csrf_checks_on_never_give_a_server_error():
    token = "a" * 32
    client = Client(enforce_csrf_checks=True, raise_request_exception=False, HTTP_X_CSRFTOKEN=token)
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    for route in routes():
        path, _ = paths(route, {"mine": "AAAAAAAAAAAAAAAA", "theirs": "BBBBBBBBBBBBBBBB"})
        for body, content_type in bodies():
            check(client.generic("POST", path, body, content_type=content_type), "POST", path)
    no_header = Client(enforce_csrf_checks=True, raise_request_exception=False)
    for body, content_type in bodies():
        check(
            no_header.generic("POST", "/accounts/login/", body, content_type=content_type),
            "POST",
            "/accounts/login/ without a CSRF token",
        )


@pytest.mark.django_db
def test_bad_session_cookies_are_a_fresh_start(client):
    for value in ("\x00" * 32, "a" * 31 + "\x00", "x" * 5000, "%00"):
        client.cookies[settings.SESSION_COOKIE_NAME] = value
        check(client.get("/progress/"), "get", "/progress/ with a bad cookie")
        check(client.post("/chapters/no/x/complete/"), "post", "bad cookie")


@pytest.mark.django_db(transaction=True)
def test_odd_charsets_through_a_real_server_get_a_415_with_the_headers(live_server):
    token = "a" * 32
    guide = get_course().guides[0]
    for charset, path in itertools.product(
        ["utf-16", "utf-32", "latin-1", "no-such-charset"],
        ["/accounts/login/", "/accounts/signup/", f"{guide.url}interview/x/"],
    ):
        request = urllib.request.Request(
            live_server.url + path,
            data="done=1".encode("utf-16"),
            method="POST",
            headers={
                "Content-Type": f"{FORM}; charset={charset}",
                "X-CSRFToken": token,
                "Cookie": f"csrftoken={token}",
            },
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        COUNTS[refused.value.code] += 1
        assert refused.value.code == 415
        assert b"Forms must be sent as UTF-8 text." in refused.value.read()
        for name in SECURITY_HEADERS:
            assert name in refused.value.headers
