"""Parse a rendered page and list anything active that the site itself did not put there."""

import re
from html.parser import HTMLParser

OUR_META = {"charset", "viewport", "color-scheme", "description", "htmx-config"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "svg", "style", "base", "frame", "math"}
# The only places the site itself posts to; any other form or hx-* target is foreign.
OUR_POSTS = re.compile(
    r"^/(chapters/[\w-]+/[\w-]+/complete|guides/[\w-]+/(projects/[\w-]+/steps/\d+|interview/[\w-]+)"
    r"|accounts/(logout|login|signup|delete|password_change|password_reset))/$"
)
OUR_HX = {
    f"{prefix}hx-{name}" for prefix in ("", "data-") for name in ("target", "swap", "swap-oob")
}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag in FORBIDDEN_TAGS and not (tag == "svg" and a.get("class") == "dg-svg"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self.in_script = True
            if not (a.get("src") or "").startswith("/static/"):
                self.found.append("script without a /static/ src")
        if tag == "meta" and not (set(a) & {"charset"} or a.get("name") in OUR_META):
            self.found.append(f"meta {a}")
        if tag == "form" and not (
            a.get("method") == "post" and OUR_POSTS.match(a.get("action") or "")
        ):
            self.found.append(f"form {a}")
        if tag == "link" and not (a.get("href") or "").startswith("/static/"):
            self.found.append(f"link {a}")
        for name, value in attrs:
            self._attr(tag, name, value or "")

    def _attr(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.found.append(f"{tag} {name}=")
        if name == "style":
            self.found.append(f"{tag} style=")
        ours = name in OUR_HX or (
            name in {"hx-post", "data-hx-post"} and tag == "form" and OUR_POSTS.match(value)
        )
        if name.startswith(("hx-", "data-hx")) and not ours:
            self.found.append(f"{tag} {name}=")
        compact = "".join(value.split()).lower()
        if name in {"href", "src", "action", "formaction"} and compact.startswith(
            ("javascript:", "data:", "vbscript:")
        ):
            self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.found.append("inline script text")


def active_content(html: str) -> list[str]:
    """Everything in `html` that could run script, restyle or reframe the page."""
    collector = _Collector()
    collector.feed(html)
    return collector.found
