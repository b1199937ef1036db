"""A guest on a shared page (no token in it) marks and ticks CSRF-safely; CSRF failures explain."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from courses.models import SectionProgress

SECTION = "/chapters/networking-security/hpc-networking/"
GUIDE = "/guides/k8s-gpu-security/"
STEP = f"{GUIDE}projects/"
pytestmark = pytest.mark.django_db


def strict() -> Client:
    return Client(enforce_csrf_checks=True)


def form_of(html: str, action_part: str) -> tuple[str, str, dict]:
    """(method, action, hidden fields) of the first form whose action contains `action_part`."""
    for match in re.finditer(r"<form\b([^>]*)>(.*?)</form>", html, re.S):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))
        if action_part in attrs.get("action", ""):
            fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', match.group(2)))
            return attrs["method"], attrs["action"], fields
    raise AssertionError(f"no form posting to {action_part}")


def confirm_and_post(client: Client, action: str, fields: dict) -> tuple[str, object]:
    """Follow a no-JavaScript form: GET its action, then post the confirmation form there."""
    page = client.get(action, fields)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    method, post_to, hidden = form_of(html, action)
    assert (method, post_to) == ("post", action)
    assert hidden["csrfmiddlewaretoken"]
    return html, client.post(post_to, hidden)


def test_guest_marks_a_section_complete_without_javascript():
    client = strict()
    method, action, fields = form_of(client.get(SECTION).content.decode(), "/complete/")
    assert method == "get" and "csrfmiddlewaretoken" not in fields
    html, done = confirm_and_post(client, action, fields)
    assert "as complete?" in html
    assert done.status_code == 302
    assert "Completed on" in client.get(SECTION).content.decode()


def test_guest_ticks_a_step_and_rates_a_question_without_javascript():
    client = strict()
    html = client.get(GUIDE).content.decode()
    method, action, fields = form_of(html, "/steps/1/")
    assert (method, fields) == ("get", {"done": "1"})
    confirm, done = confirm_and_post(client, action, fields)
    assert "Tick step 1" in confirm and done.status_code == 302
    page = client.get(GUIDE).content.decode()
    assert 'class="check is-checked" aria-pressed="true"' in page
    rating_action = form_of(page, "/interview/")[1]
    _, rated = confirm_and_post(client, rating_action, {"rating": "needs_work"})
    assert rated.status_code == 302
    after = client.get(GUIDE).content.decode()
    assert 'value="needs_work" class="chip" aria-pressed="true"' in after


def test_confirmation_page_alone_changes_nothing():
    client = strict()
    client.get(f"{SECTION}complete/")
    client.get(f"{SECTION}complete/")
    assert "Completed on" not in client.get(SECTION).content.decode()


def test_posting_without_a_token_is_a_branded_403_and_saves_nothing():
    response = strict().post(f"{SECTION}complete/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Not saved" in html and "another tab" in html
    assert "no-store" in response["Cache-Control"]
    assert not SectionProgress.objects.exists()


def test_htmx_post_with_a_stale_token_gets_a_notice_with_a_reload_link():
    client = strict()
    User.objects.create_user("robin", password="a-long-pass-phrase-r")
    client.get("/csrf/")
    stale = client.cookies["csrftoken"].value
    client.post(
        "/accounts/login/",
        {"username": "robin", "password": "a-long-pass-phrase-r", "csrfmiddlewaretoken": stale},
    )
    assert client.cookies["csrftoken"].value != stale  # login rotated the token
    response = client.post(
        f"{SECTION}complete/",
        {"csrfmiddlewaretoken": stale},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{SECTION}",
        HTTP_X_CSRFTOKEN=stale,
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert html.startswith('\n<div class="message message-error csrf-notice" role="alert">')
    assert f'href="http://testserver{SECTION}">Reload the page' in html
    fresh = client.cookies["csrftoken"].value
    ok = client.post(f"{SECTION}complete/", HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=fresh)
    assert ok.status_code == 200 and "Completed on" in ok.content.decode()


def test_failure_page_never_links_off_site():
    response = strict().post(f"{SECTION}complete/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in response.content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"{GUIDE}interview/crypto-mining-incident/?rating=perfect", 422),
        (f"{GUIDE}interview/no-such-question/?rating=needs_work", 404),
        (f"{STEP}no-such-project/steps/1/?done=1", 404),
        ("/chapters/networking-security/no-such/complete/", 404),
    ],
)
def test_bad_confirmation_requests_are_clear_errors(url, status):
    assert strict().get(url).status_code == status
