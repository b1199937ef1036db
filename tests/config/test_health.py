"""Health endpoints as a load balancer sees them: small JSON, no cookies, never cached."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def body(response) -> dict:
    return json.loads(response.content)


def assert_not_cached_and_cookieless(response) -> None:
    assert "no-store" in response.headers["Cache-Control"]
    assert not response.cookies
    assert response.headers["Content-Type"] == "application/json"


def test_healthz_answers_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert body(response) == {"status": "ok"}
    assert_not_cached_and_cookieless(response)


@pytest.mark.django_db
def test_readyz_says_ok_when_database_migrations_and_content_are_ready(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert body(response) == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "content": "ok"},
    }
    assert_not_cached_and_cookieless(response)


@pytest.mark.django_db
def test_readyz_fails_when_a_migration_is_not_applied(client):
    with connection.cursor() as cursor:
        cursor.execute(  # the quiz app's newest migration, as if this code were just deployed
            "DELETE FROM django_migrations WHERE id = (SELECT id FROM django_migrations "
            "WHERE app = 'quiz' ORDER BY name DESC LIMIT 1)"
        )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response)["status"] == "unavailable"
    assert body(response)["checks"]["migrations"] == "1 unapplied"
    assert body(response)["checks"]["database"] == "ok"
    assert_not_cached_and_cookieless(response)


@pytest.mark.django_db
def test_readyz_fails_when_the_content_is_broken(client, settings):
    settings.CONTENT_DIR = BROKEN
    response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response)["checks"]["content"].startswith("broken (")


def probe(path: str, **env: str) -> tuple[int, dict]:
    """Ask a fresh process (its own settings) for `path` through Django's test client."""
    code = (
        "import json; from django.test import Client;"
        f'r = Client(HTTP_HOST="localhost").get({path!r}); print(r.status_code); print(r.content.decode())'
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    status, payload = result.stdout.strip().splitlines()[-2:]
    return int(status), json.loads(payload)


def test_readyz_before_the_first_migrate_lists_every_migration_as_unapplied(tmp_path):
    status, payload = probe("/readyz", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert status == 503
    assert payload["checks"]["database"] == "ok"
    assert payload["checks"]["migrations"].endswith(" unapplied")
    assert payload["checks"]["migrations"] != "0 unapplied"


def test_readyz_without_a_database_says_unreachable_and_leaks_nothing():
    url = "postgres://secretuser:hunter2pass@127.0.0.1:1/nodb"
    status, payload = probe("/readyz", DATABASE_URL=url)
    assert status == 503
    assert payload["checks"]["database"] == "unreachable"
    assert payload["checks"]["migrations"] == "unknown"
    assert "hunter2" not in json.dumps(payload) and "secretuser" not in json.dumps(payload)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_are_not_redirected_to_https(client, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_answer_head_and_refuse_posts(client, path, db):
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_answer_probes_by_address_and_ignore_cookies(client, path):
    response = client.get(path, HTTP_HOST="10.0.0.11:8000", HTTP_COOKIE="sessionid=forged")
    assert response.status_code == 200
    assert not response.cookies
    assert client.get("/", HTTP_HOST="10.0.0.11:8000").status_code == 400
