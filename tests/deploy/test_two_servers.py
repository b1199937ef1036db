"""Two app servers on one PostgreSQL and Redis serve one learner's visit turn and turn about."""

import re
import uuid

import pytest

from .servers import Browser, app_env, field_values, free_port, manage, start_gunicorn, stop

CH = "/chapters/networking-security/"
SECTION = f"{CH}hpc-networking/"
PASSWORD = "a-long-Passphrase-for-two-servers"

pytestmark = pytest.mark.deploy


@pytest.fixture
def two_servers(postgres_database, redis_url, workdir):
    """Servers A and B (gunicorn, 1 worker each) sharing the database and the cache."""
    prefix = f"two-servers-{uuid.uuid4().hex[:8]}"
    env = app_env(
        workdir, DATABASE_URL=postgres_database, REDIS_URL=redis_url, STUDYHALL_CACHE_PREFIX=prefix
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    ports = free_port(), None
    a = start_gunicorn(env, ports[0], workdir / "a.log")
    try:
        b_port = free_port()
        b = start_gunicorn(env, b_port, workdir / "b.log")
        try:
            yield ports[0], b_port, prefix
        finally:
            stop(b)
    finally:
        stop(a)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_one_learner_is_served_alternately_by_two_app_servers(two_servers, redis_url):
    a, b, prefix = two_servers
    me = Browser()
    assert me.request(a, "GET", "/accounts/signup/").status == 200
    signup = {
        "username": "alternating",
        "email": "alt@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "csrfmiddlewaretoken": me.csrf(),
    }
    assert me.request(a, "POST", "/accounts/signup/", signup).status == 302

    page = me.request(b, "GET", SECTION)
    assert "alternating" in page.text  # B knows the session A created
    done = me.request(b, "POST", f"{SECTION}complete/", {"csrfmiddlewaretoken": me.csrf()})
    assert done.status == 302

    started = me.request(
        a, "POST", f"/quiz{CH}assessments/pre/start/", {"csrfmiddlewaretoken": me.csrf()}
    )
    assert started.status == 302
    attempt = started.headers["Location"]
    take = me.request(b, "GET", attempt)
    assert take.status == 200
    options = field_values(take.text, r"q\d+")
    assert len(options) == 12
    headers = {"HX-Request": "true", "X-CSRFToken": me.csrf()}
    for n, (name, values) in enumerate(sorted(options.items())):
        server = b if n % 2 == 0 else a  # B answers most, A some: any server saves any answer
        saved = me.request(server, "POST", f"{attempt}answer/", {name: values[0]}, headers)
        assert saved.status == 200, saved.text

    resumed = me.request(a, "GET", attempt)
    assert resumed.text.count(" checked>") == 12  # A shows every answer saved on either
    final = {name: values[0] for name, values in options.items()}
    submitted = me.request(
        a, "POST", f"{attempt}save/", {**final, "submit": "1", "csrfmiddlewaretoken": me.csrf()}
    )
    assert submitted.status == 302

    results = text(me.request(b, "GET", attempt).text)
    score = re.search(r"(\d+)/12 \((\d+)%\)", results)
    assert score, results[:500]
    progress = text(me.request(b, "GET", "/progress/").text)
    assert "1 of 4 sections complete" in progress
    assert f"Score: {score.group(1)}/12" in progress
    assert_sessions_live_in_redis(redis_url, prefix)


def assert_sessions_live_in_redis(url: str, prefix: str) -> None:
    """The shared cache holds the session (cached_db) under this test's key prefix."""
    import redis

    keys = redis.Redis.from_url(url).keys(f"{prefix}:*")
    assert any(b"django.contrib.sessions.cached_db" in key for key in keys), keys
