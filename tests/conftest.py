"""Shared test set-up."""

from pathlib import Path

import pytest
from django.core.cache import cache

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _unhashed_static(settings):
    """Serve static files from the finders: tests need no collectstatic run."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def fixture_content(settings) -> Path:
    """Serve the small fixture course instead of the real one."""
    settings.CONTENT_DIR = FIXTURES / "content"
    return settings.CONTENT_DIR


@pytest.fixture(autouse=True)
def _fresh_reports(settings):
    """Cohort reports are computed in the request unless a test turns stale serving on."""
    settings.STUDYHALL_REPORT_STALE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Abuse-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()
