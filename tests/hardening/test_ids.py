"""Malformed ids in URLs are a plain 404 on every database (PostgreSQL rejects NUL in text)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/quiz/attempts/%00/",
        "/quiz/attempts/abc%00def/",
        "/quiz/attempts/%00/answer/",
        "/quiz/attempts/%00/save/",
        "/quiz/attempts/%C3%A9t%C3%A9/",
        "/chapters/%00/",
        "/chapters/networking-security/%00/",
        "/guides/%00/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_malformed_id_is_a_404(client, path, method):
    client.get("/")  # nothing special: an anonymous visitor
    client.post("/quiz/chapters/networking-security/assessments/pre/start/")  # a guest key
    response = getattr(client, method)(path)
    assert response.status_code == 404
