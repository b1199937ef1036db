"""The glossary: the terms the chapter relies on, each linked to the heading that teaches it."""

import shutil
from pathlib import Path

import pytest

from courses.content import ContentError, load_course

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GLOSSARY = "/chapters/networking-security/glossary/"


@pytest.mark.django_db
def test_glossary_covers_the_terms_the_chapter_relies_on(client):
    html = client.get(GLOSSARY).content.decode()
    for term in (
        "AllReduce",
        "NCCL",
        "Taint",
        "Toleration",
        "Falco",
        "Istio",
        "Pod Security Admission",
        "Service mesh",
    ):
        assert f"<dt>{term}</dt>" in html, term


@pytest.mark.django_db
def test_taught_in_links_go_to_the_heading_that_teaches_the_term(client):
    html = client.get(GLOSSARY).content.decode()
    entry = html.split('id="term-toleration"')[1].split("</div>")[0]
    assert (
        "/chapters/networking-security/security-practices/#gpu-node-taints-and-tolerations" in entry
    )


def test_a_term_anchor_that_is_not_a_heading_is_reported_with_its_line(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    glossary = root / "chapters/basics/glossary.yaml"
    glossary.write_text(glossary.read_text() + "    anchor: no-such-heading\n")
    with pytest.raises(ContentError) as caught:
        load_course(root)
    assert [str(p) for p in caught.value.problems] == [
        "content/chapters/basics/glossary.yaml:2: term 'widget': section 'alpha' has no heading "
        "'#no-such-heading'"
    ]
