"""Abuse limits counted in the shared cache, so they hold across app servers."""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True, kw_only=True)
class Limit:
    """At most `count` events per `window` seconds for one key."""

    name: str
    """Short name used in cache keys."""
    count: int
    """Events allowed in one window."""
    window: int
    """Window length in seconds."""


def _key(limit: Limit, ident: str, now: float) -> str:
    """Cache key for the current fixed window of `ident` (hashed: emails and addresses)."""
    digest = hashlib.sha256(ident.strip().lower().encode()).hexdigest()[:32]
    return f"limit:{limit.name}:{int(now // limit.window)}:{digest}"


def _wait(limit: Limit, now: float) -> int:
    """Seconds until the current window ends."""
    return max(1, int(limit.window - now % limit.window))


def wait_seconds(limit: Limit, ident: str) -> int:
    """Seconds to wait if `ident` has used up `limit`, else 0."""
    now = time.time()
    used = cache.get(_key(limit, ident, now), 0)
    return _wait(limit, now) if used >= limit.count else 0


def record(limit: Limit, ident: str) -> None:
    """Count one event for `ident`."""
    now = time.time()
    key = _key(limit, ident, now)
    if not cache.add(key, 1, timeout=limit.window + 1):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=limit.window + 1)


def take(limit: Limit, ident: str) -> int:
    """Count one event unless `limit` is used up; seconds to wait if it was, else 0."""
    wait = wait_seconds(limit, ident)
    if not wait:
        record(limit, ident)
    return wait


def configured(name: str) -> Limit:
    """The limit called `name` in settings.STUDYHALL_LIMITS: (count, window seconds)."""
    from django.conf import settings

    count, window = settings.STUDYHALL_LIMITS[name]
    return Limit(name=name, count=count, window=window)
