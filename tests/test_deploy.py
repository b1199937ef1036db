"""Production settings: check --deploy is clean, and a missing secret key is a clear error."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-real-production-key-" + "k7Q2x9Lm" * 8,
    "DJANGO_ALLOWED_HOSTS": "study.example.org",
}


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DJANGO_EMAIL_HOST="smtp.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_an_email_host_refuses_to_start():
    result = manage("check", **PRODUCTION, STUDYHALL_PASSWORD_RESET="1")
    assert result.returncode != 0
    assert "accounts.E001" in result.stderr
    assert "reset links would be written to the log" in result.stderr


def test_production_without_email_is_clean_when_password_reset_is_off():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, STUDYHALL_PASSWORD_RESET="0"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_without_a_secret_key_fails_with_a_clear_message():
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_a_malformed_proxy_count_fails_with_a_clear_message():
    result = manage(
        "check", **PRODUCTION, DJANGO_EMAIL_HOST="smtp.example.org", DJANGO_PROXY_COUNT="one"
    )
    assert result.returncode != 0
    assert "DJANGO_PROXY_COUNT must be a whole number" in result.stderr
