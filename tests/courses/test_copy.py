"""What the pages say: plain figures, honest labels, no implementation talk, valid times."""

import re

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
CH = "/chapters/networking-security/"
SECTIONS = ("hpc-networking", "network-policies", "security-practices", "data-compliance")
GUIDE = "/guides/k8s-gpu-security/"


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("ana", password="a-long-pass-phrase-1")
    client.force_login(user)
    return user


def test_skill_guide_figures_carry_no_authoring_notes(client):
    html = client.get(GUIDE).content.decode()
    assert "The source does not" not in html and "does not name it" not in html
    assert "9.2" in html and "15%" in html


def test_practice_percentage_counts_only_the_steps_it_names(client, learner):
    client.post(f"{GUIDE}projects/harden-serving-container/steps/1/", {"done": "1"})
    client.post(f"{GUIDE}interview/crypto-mining-incident/", {"rating": "could_answer"})
    html = client.get(GUIDE).content.decode()
    shown = re.search(r"(\d+)% · (\d+) of (\d+) project steps", html)
    assert shown, html
    pct, done, total = (int(x) for x in shown.groups())
    assert done == 1 and pct == round(100 / total)


def test_progress_pages_do_not_explain_the_implementation(client, learner):
    client.get(f"{CH}{SECTIONS[0]}/")
    for url in (CH, "/progress/", "/"):
        html = client.get(url).content.decode()
        assert "Continue takes you" not in html and "minutes ago" not in html, url


def test_times_are_valid_html_datetimes(client, learner):
    client.get(f"{CH}{SECTIONS[0]}/")
    html = client.get("/progress/").content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps
    for stamp in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000", stamp), stamp


def test_a_finished_reader_is_pointed_at_the_post_study_assessment(client, learner):
    for section in SECTIONS:
        client.post(f"{CH}{section}/complete/")
    html = client.get(CH).content.decode()
    assert (
        'class="button" href="/quiz/chapters/networking-security/assessments/post/">Take the post-study assessment'
        in html
    )
