"""Deployment tests need PostgreSQL and Redis: skipped locally without them, required in CI."""

import os
import uuid
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def required(variable: str, what: str) -> str:
    """The variable's value; a skip with the reason (a failure in CI) when it is not set."""
    value = os.environ.get(variable, "")
    if not value:
        message = f"{what} not configured: set {variable} (.ci/run does)"
        if IN_CI:
            pytest.fail(f"CI: {message}")
        pytest.skip(message)
    return value


@pytest.fixture
def postgres_database() -> str:
    """A fresh, empty PostgreSQL database for this test; dropped afterwards."""
    import psycopg

    base = required("STUDYHALL_TEST_POSTGRES_URL", "PostgreSQL")
    name = f"studyhall_deploy_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_url() -> str:
    """The Redis test URL (a shared server: each test uses its own key prefix)."""
    return required("STUDYHALL_TEST_REDIS_URL", "Redis")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """Logs and collected static files of the servers a test starts."""
    return tmp_path
