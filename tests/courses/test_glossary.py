"""The glossary: the terms the chapter relies on, each linked to the heading that teaches it."""

import shutil
from pathlib import Path

import pytest

from courses.content import ContentError, load_course
from courses.content.render import Linker, render_markdown
from courses.content.tips import TermTip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GLOSSARY = "/chapters/networking-security/glossary/"
SECTION = "/chapters/networking-security/hpc-networking/"
TIP = TermTip(
    term="Widget",
    definition_html="A <code>thing</code>.<script>alert(1)</script>",
    glossary_href="/g/#term-widget",
    taught_href="/s/alpha/#widgets",
    taught_label="section 1: Alpha",
)


def _linker(**tips: TermTip) -> Linker:
    return Linker(
        section_href=lambda sid: None,
        term_href=lambda tid: f"/g/#term-{tid}",
        terms=(("widget", ("Widget", "widgets")),),
        tips=tips,
    )


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
        "RoCE",
        "Default-deny policy",
        "Envelope encryption",
        "OPA/Gatekeeper",
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


def test_a_term_opens_its_definition_in_place_as_a_popover_inside_the_paragraph():
    html = render_markdown(
        "A Widget holds widgets.\n\nMore widgets.", linker=_linker(widget=TIP)
    ).html
    assert html.startswith(
        '<p>A <button class="term" popovertarget="tip-widget" type="button">Widget</button>'
        '<span class="term-tip" id="tip-widget" popover="">'
        '<span class="tip-term">Widget</span> <span class="tip-def">A <code>thing</code>.</span> '
        '<span class="tip-links"><a href="/s/alpha/#widgets">Taught in section 1: Alpha</a> · '
        '<a href="/g/#term-widget">Glossary entry</a></span></span> holds widgets.</p>'
    )
    assert html.count("popovertarget") == 1 and "<script" not in html


def test_without_a_definition_a_term_links_to_the_glossary():
    html = render_markdown("A Widget.", linker=_linker()).html
    assert html == '<p>A <a class="term" href="/g/#term-widget">Widget</a>.</p>'


@pytest.mark.django_db
def test_in_a_section_the_definition_says_where_the_term_is_taught(client):
    html = client.get(SECTION).content.decode()
    tip = html.split('id="tip-roce"')[1].split("</span></span>")[0]
    assert "RDMA over Converged Ethernet" in tip
    assert f'href="{SECTION}#rdma-transport-options">Taught in section 1: High-Performance' in tip
    assert f'href="{GLOSSARY}#term-roce">Glossary entry</a>' in tip


def test_a_term_wrapped_across_source_lines_is_still_found():
    linker = Linker(
        section_href=lambda sid: None,
        term_href=lambda tid: f"/g/#term-{tid}",
        terms=(("pss", ("Pod Security Standards",)),),
    )
    html = render_markdown("enforces the Pod\nSecurity Standards.", linker=linker).html
    assert '<a class="term" href="/g/#term-pss">Pod\nSecurity Standards</a>' in html
