"""The limits hold across app servers: two processes' worth of counting in one Redis cache."""

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches

from accounts.limits import Limit, take, wait_seconds

REDIS = "redis://127.0.0.1:6379/4"


@pytest.fixture
def redis_cache(settings):
    """Django's Redis cache on database 4 (skipped when no Redis is running)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 6379)) != 0:
            pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "d1-limits-test",
        }
    }
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_a_limit_counts_in_redis_and_names_the_wait(redis_cache):
    limit = Limit(name="test", count=3, window=600)
    assert [take(limit, "198.51.100.7") for _ in range(3)] == [0, 0, 0]
    assert 590 <= take(limit, "198.51.100.7") <= 600
    assert wait_seconds(limit, "203.0.113.1") == 0  # another address is untouched
    keys = [key.decode() for key in redis_cache._cache.get_client().scan_iter("*d1-limits-test*")]
    assert keys and not any("198.51.100.7" in key for key in keys)  # addresses are hashed


def test_concurrent_requests_cannot_overshoot_a_limit(redis_cache):
    limit = Limit(name="burst", count=3, window=600)
    with ThreadPoolExecutor(max_workers=10) as pool:
        waits = list(pool.map(lambda _: take(limit, "ray@example.org"), range(20)))
    assert waits.count(0) == 3
