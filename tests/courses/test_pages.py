"""Reading pages as a visitor sees them: content, navigation, 404s, headers, no queries."""

import re

import pytest

from tests.pagecheck import active_content

CH = "/chapters/networking-security/"
SECTIONS = ["hpc-networking", "network-policies", "security-practices", "data-compliance"]
PAGES = ["/", CH, *(f"{CH}{s}/" for s in SECTIONS), f"{CH}glossary/", "/guides/k8s-gpu-security/"]


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_readable_without_an_account(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert active_content(html) == []
    assert 'href="#main"' in html and '<main id="main"' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ):
        assert directive in csp
    assert "unsafe" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_home_shows_the_chapter_and_the_skill_guide(client):
    page = text(client.get("/"))
    assert "Networking and Security for AI Workloads" in page
    assert "Container and Kubernetes security for GPU workloads and model serving" in page
    assert "Start with section 1: High-Performance Networking" in page


def test_chapter_page_lists_objectives_sections_and_where_to_start(client):
    page = text(client.get(CH))
    assert "Chapter 8" in page and "Learning objectives" in page
    assert "Start with section 1: High-Performance Networking for Distributed Training" in page
    for title in (
        "Network Policies and Isolation",
        "Security Best Practices",
        "Data Security and Compliance",
    ):
        assert title in page
    assert re.search(r"About \d+ min", page)


def test_section_page_has_breadcrumbs_toc_takeaway_and_pager(client):
    html = client.get(f"{CH}network-policies/").content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert 'href="#kubernetes-networkpolicy-for-ai-namespace-isolation"' in html
    assert 'id="kubernetes-networkpolicy-for-ai-namespace-isolation"' in html
    assert "Key takeaway" in html
    assert f'rel="prev" href="{CH}hpc-networking/"' in html
    assert f'rel="next" href="{CH}security-practices/"' in html


def test_first_and_last_sections_lead_to_the_overview_and_the_glossary(client):
    first = client.get(f"{CH}hpc-networking/").content.decode()
    last = client.get(f"{CH}data-compliance/").content.decode()
    assert "Chapter overview" in first and 'rel="prev"' not in first
    assert f'href="{CH}glossary/"><span class="pager-label">Next</span> Key terms' in last


def test_glossary_terms_open_their_definition_on_first_use_only(client):
    html = client.get(f"{CH}hpc-networking/").content.decode()
    assert html.count('popovertarget="tip-rdma"') == 1
    assert html.count(f'href="{CH}glossary/#term-rdma"') == 1  # in the definition, once
    assert f'href="{CH}glossary/#term-infiniband"' in html


def test_glossary_is_alphabetical_and_links_back_to_where_terms_are_taught(client):
    html = client.get(f"{CH}glossary/").content.decode()
    ids = re.findall(r'<div class="term-entry" id="term-([a-z0-9-]+)">', html)
    assert len(ids) == 34
    names = re.findall(r"<dt>([^<]+)</dt>", html)
    assert names == sorted(names, key=str.casefold)
    assert f'href="{CH}hpc-networking/#rdma-and-infiniband-with-kubernetes">section 1: High' in html


def test_diagram_text_alternative_lists_every_fact(client):
    page = text(client.get(f"{CH}hpc-networking/"))
    assert "50–100x lower latency" in page
    assert "8 hops" in page and "4 hops" in page


def test_skill_guide_has_path_projects_tools_and_interview_disclosures(client):
    html = client.get("/guides/k8s-gpu-security/").content.decode()
    assert html.count("<details>") == 2
    assert "Harden a Model Serving Container" in html
    assert "Enterprise-Grade GPU Workload Security Platform" in html
    for group in (
        "Image &amp; Supply Chain Security",
        "Runtime Security &amp; Monitoring",
        "Orchestration &amp; Policy Engines",
        "Secrets &amp; Identity",
    ):
        assert group in html
    assert "9.2" in html and "15%" in html


@pytest.mark.parametrize(
    "url",
    ["/chapters/nope/", f"{CH}nope/", f"{CH}../../etc/", "/guides/nope/", f"{CH}glossary/x/"],
)
def test_unknown_slugs_get_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We couldn't find that page" in response.content.decode()
    assert "Go to the course home" in response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_reading_pages_refuse_post(client, url):
    assert client.post(url).status_code in {403, 405}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_anonymous_reading_makes_no_database_queries(client, django_assert_num_queries, url):
    client.get(url)  # warm the per-process content cache
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_reading_starts_no_session(client, url):
    response = client.get(url)
    assert "sessionid" not in response.cookies
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_cached_section_fragment_follows_a_content_edit(client, settings, tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    settings.CONTENT_DIR = root
    assert "Alpha uses the" in client.get("/chapters/basics/alpha/").content.decode()
    page = root / "chapters/basics/sections/01-alpha.md"
    page.write_text(page.read_text().replace("Alpha uses the", "Alpha now uses the"))
    settings.CONTENT_DIR = str(root)  # a changed setting reloads content, as a restart would
    assert "Alpha now uses the" in client.get("/chapters/basics/alpha/").content.decode()


def test_code_blocks_are_highlighted_with_classes_and_get_a_copy_button(client):
    html = client.get(f"{CH}network-policies/").content.decode()
    assert '<div class="codeblock"><pre tabindex="0">' in html
    assert '<span class="nt">apiVersion</span>' in html
    assert "style=" not in html.split("<main")[1]
    assert "/static/js/copy.js" in html
