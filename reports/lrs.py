"""A small xAPI LRS client: POST a batch, PUT one statement; every failure is an LrsError."""

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

VERSION = "1.0.3"


class LrsError(Exception):
    """The LRS could not be reached, timed out, or refused the statements."""


@dataclass(frozen=True, kw_only=True)
class Lrs:
    """Where the LRS is and how to log in."""

    url: str
    """Base URL ending in /xAPI (statements are at <url>/statements)."""
    username: str
    password: str
    timeout: float


def _request(lrs: Lrs, method: str, path: str, body: object) -> int:
    token = base64.b64encode(f"{lrs.username}:{lrs.password}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 (the URL is the operator's setting)
        lrs.url + path,
        data=json.dumps(body).encode(),
        method=method,
        headers={
            "Authorization": f"Basic {token}",
            "Content-Type": "application/json",
            "X-Experience-API-Version": VERSION,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=lrs.timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return 409
        raise LrsError(f"HTTP {error.code}: {error.read()[:200]!r}") from error
    except (OSError, ValueError) as error:  # refused, reset, timed out, bad URL
        raise LrsError(f"{type(error).__name__}: {error}") from error


def post_batch(lrs: Lrs, statements: list[dict]) -> int:
    """POST statements; returns 200/204, or 409 if the LRS already holds one of them."""
    return _request(lrs, "POST", "/statements/", statements)


def put_one(lrs: Lrs, statement: dict) -> int:
    """PUT one statement by its id; 204 stored, 409 already there (both count as sent)."""
    return _request(lrs, "PUT", f"/statements/?statementId={statement['id']}", statement)
