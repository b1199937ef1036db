"""URL converters that let only well-formed ids reach a query (no NUL bytes, no odd text)."""


class TokenConverter:
    """An opaque URL-safe token such as an attempt's public id (`secrets.token_urlsafe`)."""

    regex = r"[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        """The token as it is."""
        return value

    def to_url(self, value: str) -> str:
        """The token as it is."""
        return value
