"""One data set, every rendering: Your progress, the report page, the PDF, JSON and CSV agree."""

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import User

from tests.quiz.test_attempts import answer_tokens, start, submit_all
from tests.reports.test_learner_report import pdf_text

CH = "networking-security"
pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("kim", password="a-long-pass-phrase-p")
    client.force_login(user)
    return user


def take_with(client, kind: str, right: int) -> None:
    """Submit an attempt with the first `right` questions right and the rest wrong."""
    public_id = start(client, kind)
    good = answer_tokens(client, public_id, right=True)
    bad = answer_tokens(client, public_id, right=False)
    submit_all(client, public_id, {p: good[p] if p <= right else bad[p] for p in good})


def screen_figures(html: str) -> dict:
    """The chapter's figures as Your progress shows them."""
    done = re.search(r"(\d+)% · (\d+) of (\d+) sections complete", html)
    pre = re.search(r"Score: <strong>(\d+)/(\d+)</strong>", html)
    post = re.search(r"Latest: <strong>(\d+)/(\d+)</strong>", html)
    gain = re.search(r"g = ([\d.]+)", html)
    return {
        "percent_complete": int(done[1]),
        "sections_completed": int(done[2]),
        "sections_total": int(done[3]),
        "pre_correct": int(pre[1]),
        "pre_counted": int(pre[2]),
        "post_correct": int(post[1]),
        "post_counted": int(post[2]),
        "gain": gain[1],
    }


def pdf_figures(text: str) -> dict:
    """The same figures as the PDF (and the report page) word them."""
    done = re.search(r"(\d+) of (\d+) sections complete \((\d+)%\)", text)
    scores = re.search(r"You answered (\d+) of (\d+) \(\d+%\) before .* and (\d+) of (\d+)", text)
    gain = re.search(r"closed (\d+)% of the gap", text)
    return {
        "percent_complete": int(done[3]),
        "sections_completed": int(done[1]),
        "sections_total": int(done[2]),
        "pre_correct": int(scores[1]),
        "pre_counted": int(scores[2]),
        "post_correct": int(scores[3]),
        "post_counted": int(scores[4]),
        "gain_percent": int(gain[1]),
    }


def test_progress_page_report_pdf_json_and_csv_show_the_same_figures(client, learner, tmp_path):
    client.post(f"/chapters/{CH}/hpc-networking/complete/")
    client.post(f"/chapters/{CH}/network-policies/complete/")
    take_with(client, "pre", right=3)
    take_with(client, "post", right=9)
    screen = screen_figures(client.get("/progress/").content.decode())
    page = " ".join(
        re.sub(r"<[^>]+>", " ", client.get(f"/exports/report/{CH}/").content.decode()).split()
    )
    pdf = pdf_figures(
        " ".join(pdf_text(client.get(f"/exports/report/{CH}.pdf").content, tmp_path).split())
    )
    chapter = json.loads(client.get("/progress/export.json").content)["chapters"][0]
    body = client.get("/progress/export.csv").content.decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(body)) if r["chapter_id"] == CH]
    reading = next(r for r in rows if r["record_type"] == "chapter_reading")
    scores = {r["kind"]: r for r in rows if r["record_type"] == "chapter_score"}
    from_csv = {
        "percent_complete": int(reading["percent"]),
        "sections_completed": int(reading["correct"]),
        "sections_total": int(reading["counted"]),
        "pre_correct": int(scores["pre"]["correct"]),
        "pre_counted": int(scores["pre"]["counted"]),
        "post_correct": int(scores["post"]["correct"]),
        "post_counted": int(scores["post"]["counted"]),
        "gain": f"{float(scores['post']['gain']):.2f}",
    }
    from_json = {key: chapter[key] for key in from_csv} | {"gain": f"{chapter['gain']:.2f}"}
    assert screen == from_json == from_csv
    assert pdf_figures(page) == pdf
    assert pdf == {k: v for k, v in from_json.items() if k != "gain"} | {
        "gain_percent": round(100 * chapter["gain"])
    }
    assert (screen["sections_completed"], screen["pre_correct"], screen["post_correct"]) == (
        2,
        3,
        9,
    )
    assert screen["gain"] == "0.67"  # (75 - 25) / (100 - 25), by hand
