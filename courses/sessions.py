"""Database sessions that ignore malformed session cookies instead of querying with them."""

import string

from django.contrib.sessions.backends.db import SessionStore as DbSessionStore

KEY_CHARACTERS = frozenset(string.ascii_lowercase + string.digits)
"""Django's session keys are drawn from these (`get_random_string(32, VALID_KEY_CHARS)`)."""


class SessionStore(DbSessionStore):
    """A cookie with any other character (a NUL byte breaks PostgreSQL) is a fresh session."""

    def _validate_session_key(self, key: str | None) -> bool:
        """Well-formed keys only; the rest never reach a query."""
        return bool(key) and 8 <= len(key) <= 40 and set(key) <= KEY_CHARACTERS
