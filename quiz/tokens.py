"""Opaque option values: derived from the attempt, the position and the choice, never stored."""

import base64
import hashlib
import hmac
from functools import cache

from django.conf import settings


@cache
def _key(secret: str) -> bytes:
    return hashlib.sha256(b"studyhall.quiz.tokens:" + secret.encode()).digest()


def token(public_id: str, position: int, choice_id: str) -> str:
    """The value the take page sends for one option: unguessable without the secret key."""
    message = f"{public_id}:{position}:{choice_id}".encode()
    digest = hmac.new(_key(settings.SECRET_KEY), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:9]).decode()


ORDER_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
"""One character per choice index in a stored shuffle (up to 36 choices)."""


def encode_order(indexes: list[int]) -> str:
    """A shuffle as a short string: the shown order of choice indexes."""
    return "".join(ORDER_ALPHABET[i] for i in indexes)


def decode_order(order: str) -> list[int]:
    """Choice indexes in shown order."""
    return [ORDER_ALPHABET.index(c) for c in order]
