"""Cached database sessions (several app servers, Redis) with the same key check as `sessions`."""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDbSessionStore

from .sessions import well_formed


class SessionStore(CachedDbSessionStore):
    """A malformed session cookie is a fresh session; it reaches neither the cache nor a query."""

    def _validate_session_key(self, key: str | None) -> bool:
        """Well-formed keys only."""
        return well_formed(key)
