"""Database sessions that ignore malformed session cookies instead of querying with them."""

import string

from django.contrib.sessions.backends.db import SessionStore as DbSessionStore

KEY_CHARACTERS = frozenset(string.ascii_lowercase + string.digits)
"""Django's session keys are drawn from these (`get_random_string(32, VALID_KEY_CHARS)`)."""


def well_formed(key: str | None) -> bool:
    """A key Django could have made; any other (a NUL byte breaks PostgreSQL) is no session."""
    return bool(key) and 8 <= len(key) <= 40 and set(key) <= KEY_CHARACTERS


class SessionStore(DbSessionStore):
    """A cookie with any other character is a fresh session."""

    def _validate_session_key(self, key: str | None) -> bool:
        """Well-formed keys only; the rest never reach a query."""
        return well_formed(key)
