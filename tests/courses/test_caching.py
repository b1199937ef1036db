"""Reading pages are shared and cached for untracked readers; a learner's own pages never are."""

import gzip

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.courses.test_pages import PAGES

CH = "/chapters/networking-security/"
SECTION = f"{CH}hpc-networking/"
pytestmark = pytest.mark.django_db


def anonymous() -> Client:
    return Client()


@pytest.fixture
def learner_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_user("casey", password="a-long-pass-phrase-c"))
    return client


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_page_is_identical_for_every_reader_and_sets_no_cookie(url):
    first, second = anonymous().get(url), anonymous().get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert "Set-Cookie" not in first.headers and not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_page_is_public_with_max_age_and_an_etag(url):
    response = anonymous().get(url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=300" in cache_control
    assert "private" not in cache_control and "no-store" not in cache_control
    assert response["ETag"].startswith('"')
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("etag_form", ["{}", "W/{}"])
def test_matching_conditional_get_is_304_without_a_query(django_assert_num_queries, etag_form):
    etag = anonymous().get(SECTION)["ETag"]
    with django_assert_num_queries(0):
        response = anonymous().get(SECTION, HTTP_IF_NONE_MATCH=etag_form.format(etag))
    assert response.status_code == 304
    assert response.content == b""
    assert "public" in response["Cache-Control"]


def test_a_stale_etag_gets_the_whole_page():
    response = anonymous().get(SECTION, HTTP_IF_NONE_MATCH='"some-old-version"')
    assert response.status_code == 200
    assert b"Mark as complete" in response.content


def test_etag_follows_a_content_edit(settings, fixture_content):
    before = anonymous().get("/")["ETag"]
    from courses.catalog import get_course

    get_course.cache_clear()
    settings.CONTENT_DIR = "content"
    assert anonymous().get("/")["ETag"] != before


@pytest.mark.parametrize("url", PAGES)
def test_signed_in_pages_are_private_and_not_stored(learner_client, url):
    response = learner_client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response


def test_signed_in_reader_never_gets_a_304_for_the_shared_page(learner_client):
    etag = anonymous().get(SECTION)["ETag"]
    assert learner_client.get(SECTION, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_tracked_guest_pages_are_private_and_carry_a_token():
    guest = Client()
    guest.post(f"{SECTION}complete/")
    response = guest.get(f"{CH}network-policies/")
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_html_is_gzipped_for_clients_that_accept_it():
    plain = anonymous().get(SECTION)
    packed = anonymous().get(SECTION, HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain


def test_gzip_headers_differ_per_response_against_breach():
    sizes = {len(anonymous().get(SECTION, HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(12)}
    assert len(sizes) > 1  # random-length file name in the gzip header


@pytest.mark.parametrize("url", [*PAGES, "/accounts/login/", "/nowhere/"])
def test_every_response_carries_the_resource_policy(url):
    assert anonymous().get(url)["Cross-Origin-Resource-Policy"] == "same-origin"


def test_learner_pages_answer_head(learner_client):
    start = learner_client.post(f"/quiz{CH}assessments/pre/start/")
    attempt = start["Location"]
    urls = [
        *PAGES,
        "/progress/",
        "/progress/export.json",
        "/progress/export.csv",
        f"/quiz{CH}assessments/pre/",
        attempt,
        "/accounts/password_change/",
        "/accounts/delete/",
        "/csrf/",
    ]
    for url in urls:
        got, head = learner_client.get(url), learner_client.head(url)
        assert (url, got.status_code, head.status_code) == (url, 200, 200)
        assert head.content == b""


@pytest.mark.parametrize(
    "url", [*PAGES, "/progress/", "/accounts/login/", "/accounts/signup/", f"{SECTION}complete/"]
)
def test_anonymous_head_is_200(url):
    assert anonymous().head(url).status_code == 200


def test_token_endpoint_is_private_json_and_sets_the_cookie():
    response = anonymous().get("/csrf/")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert response.json()["token"]
    assert "csrftoken" in response.cookies


def test_a_stored_shared_page_is_never_replayed_to_a_reader_with_cookies(learner_client):
    shared = anonymous().get(SECTION)
    mine = learner_client.get(SECTION)
    assert b"Log out" in mine.content and b"Log out" not in shared.content
    assert "no-store" in mine["Cache-Control"]
    guest = Client()
    guest.post(f"{SECTION}complete/")
    assert "Completed on" in guest.get(SECTION).content.decode()


def test_stored_shared_page_answers_head_and_keeps_its_security_headers():
    first = anonymous().get(SECTION)
    head = anonymous().head(SECTION)
    assert head.status_code == 200 and head.content == b""
    for name in ("Content-Security-Policy", "ETag", "Cache-Control", "X-Frame-Options"):
        assert head[name] == first[name]


@pytest.mark.django_db
def test_a_stored_shared_page_still_refuses_an_unknown_host(client):
    assert client.get("/").status_code == 200  # now stored for cookie-less readers
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
