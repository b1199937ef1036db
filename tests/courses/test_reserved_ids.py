"""Content headings cannot take the ids the app's own templates use."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from courses.content import ContentError, load_course
from courses.content.reserved import (
    OTHER_PAGE_PREFIXES,
    RESERVED_IDS,
    RESERVED_PREFIXES,
    clashing_heading_ids,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALPHA = "chapters/basics/sections/01-alpha.md"
TEMPLATE_ID = re.compile(r'(?<![\w-])id="([^"{]*)(\{\{)?')


CONTENT_PAGES = ("_base.html", "courses/", "quiz/", "includes/")
"""Templates of the pages that show content (section bodies, guides, assessment intros)."""


def template_ids() -> tuple[set[str], set[str]]:
    """Fixed ids and built-id prefixes in the templates of pages that show content."""
    fixed, prefixes = set(), set()
    root = Path(settings.BASE_DIR, "templates")
    for path in root.rglob("*.html"):
        if not path.relative_to(root).as_posix().startswith(CONTENT_PAGES):
            continue
        for value, built in TEMPLATE_ID.findall(path.read_text()):
            (prefixes if built else fixed).add(value)
    return fixed, prefixes


def test_the_reserved_ids_are_exactly_the_fixed_ids_in_the_templates():
    fixed, _ = template_ids()
    assert fixed == RESERVED_IDS


def test_every_built_id_prefix_is_accounted_for():
    _, prefixes = template_ids()
    assert prefixes == set(RESERVED_PREFIXES) | set(OTHER_PAGE_PREFIXES)
    diagram = Path(settings.BASE_DIR, "templates/includes/diagram.html").read_text()
    assert 'id="diagram-{{' in diagram  # shown inside section bodies, so reserved there


def test_clashing_heading_ids_finds_explicit_and_generated_ids():
    html = '<h2 id="main">M</h2><h3 id="fine">F</h3><h2 id="diagram-flow-title">D</h2>'
    assert clashing_heading_ids(html) == ["main", "diagram-flow-title"]


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    return root


def load_problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("heading", "clash"),
    [
        ("## Main", "main"),
        ("## Key takeaway", "key-takeaway"),
        ("## TOC heading", "toc-heading"),
        ("### Section title", "section-title"),
        ("## Diagram: flow title", "diagram-flow-title"),
    ],
)
def test_a_heading_id_that_clashes_is_reported_with_path_and_line(tree, heading, clash):
    path = tree / ALPHA
    path.write_text(path.read_text().replace("## First Part", f"## First Part\n\n{heading}", 1))
    line = path.read_text().splitlines().index(heading) + 1
    expected = (
        f"content/{ALPHA}:{line}: heading id '{clash}' is used by the site's own pages; "
        "choose another"
    )
    assert expected in load_problems(tree)
