"""Hostile content in every field: nothing active survives to the page."""

import shutil
from pathlib import Path

import pytest
import yaml

from courses.content import load_course
from courses.content.render import render_markdown
from tests.pagecheck import active_content

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">js</a>',
    '<a href=" JaVaScRiPt:alert(1)">js2</a>',
    "[md link](javascript:alert(1))",
    '<div hx-get="/admin/" hx-trigger="load" data-hx-post="/x">hx</div>',
    '<p style="position:fixed;inset:0">styled</p>',
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<object data="evil.swf"></object>',
    '<form action="https://evil.example"><button formaction="javascript:x">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{display:none}</style>",
    '<base href="https://evil.example/">',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
]
PAYLOAD = " ".join(PAYLOADS)
KEEP = {
    "id",
    "section",
    "anchor",
    "answer",
    "kind",
    "level",
    "sections",
    "questions",
    "number",
    "from",
    "to",
    "parent",
    "show",
    "highlight",
    "along",
    "stop_at",
    "tone",
    "align",
}


def poison(value: object, key: str = "") -> object:
    """Append every payload to every free-text field."""
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key not in KEEP:
        return f"{value} {PAYLOAD}"
    return value


@pytest.fixture
def hostile(tmp_path, settings) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    for path in root.rglob("*.yaml"):
        path.write_text(yaml.safe_dump(poison(yaml.safe_load(path.read_text()))))
    for path in root.rglob("*.md"):
        _, front, body = path.read_text().split("---\n", 2)
        front = yaml.safe_dump(poison(yaml.safe_load(front)))
        path.write_text(f"---\n{front}---\n{body}\n{chr(10).join(PAYLOADS)}\n\n# {PAYLOAD}\n")
    settings.CONTENT_DIR = root
    return root


def test_hostile_content_still_loads(hostile):
    course = load_course(hostile)
    assert "<script>" in course.title  # titles stay text; templates escape them


PAGES = [
    "/",
    "/chapters/basics/",
    "/chapters/basics/alpha/",
    "/chapters/basics/beta/",
    "/chapters/basics/glossary/",
    "/guides/skill/",
]


@pytest.mark.parametrize("url", PAGES)
def test_no_payload_survives_on_any_page(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert active_content(html) == []
    assert "&lt;script&gt;alert(1)" in html  # the payload reached the page, as text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renderer_strips_each_payload(payload):
    assert active_content(render_markdown(payload).html) == []
