"""Abuse limits counted in the shared cache, so they hold across app servers."""

import hashlib
import math
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


def _key(limit: Limit, ident: str) -> str:
    """Cache key for `ident` under `limit` (hashed: keys hold no emails or addresses)."""
    digest = hashlib.sha256(ident.strip().lower().encode()).hexdigest()[:32]
    return f"limit:{limit.name}:{digest}"


def wait_seconds(limit: Limit, ident: str) -> int:
    """Seconds to wait if `ident` has used up `limit`, else 0."""
    key = _key(limit, ident)
    found = cache.get_many([key, f"{key}:since"])
    if found.get(key, 0) < limit.count:
        return 0
    since = found.get(f"{key}:since", time.time())
    return max(1, math.ceil(since + limit.window - time.time()))


def record(limit: Limit, ident: str) -> int:
    """Count one event for `ident` (the window starts at its first event); the new count."""
    key = _key(limit, ident)
    if cache.add(key, 1, timeout=limit.window):
        cache.set(f"{key}:since", time.time(), timeout=limit.window)
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this event opens a new window
        cache.add(key, 1, timeout=limit.window)
        cache.set(f"{key}:since", time.time(), timeout=limit.window)
        return 1


def take(limit: Limit, ident: str) -> int:
    """Count one event; seconds to wait if it went over `limit`, else 0 (atomic in Redis)."""
    if record(limit, ident) <= limit.count:
        return 0
    return wait_seconds(limit, ident)


def configured(name: str) -> Limit:
    """The limit called `name` in settings.STUDYHALL_LIMITS: (count, window seconds)."""
    from django.conf import settings

    count, window = settings.STUDYHALL_LIMITS[name]
    return Limit(name=name, count=count, window=window)
