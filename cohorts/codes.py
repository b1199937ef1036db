"""Join codes and invite tokens, from `secrets`."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Upper-case letters and digits without look-alikes: no 0/O, 1/I/L."""
CODE_LENGTH = 6


def new_code() -> str:
    """A random 6-character join code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A long random invite-link token (URL-safe)."""
    return secrets.token_urlsafe(24)


def normalise_code(text: str) -> str:
    """What a learner typed, as a code: upper-case, spaces and dashes dropped."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")
