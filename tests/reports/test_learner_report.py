"""The learner's chapter report: one data object, a page and a PDF that agree; no network."""

import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import User
from django.test import Client

from reports.pdf import StaticOnlyFetcher, html_to_pdf
from tests.quiz.test_attempts import answer_tokens, start, submit_all

CH = "networking-security"
pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("pat", password="a-long-pass-phrase-p")
    client.force_login(user)
    return user


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def take(client, kind: str, right: bool) -> None:
    public_id = start(client, kind)
    submit_all(client, public_id, answer_tokens(client, public_id, right=right))


def test_page_and_pdf_show_the_same_progress_scores_and_gain(client, learner, tmp_path):
    client.post(f"/chapters/{CH}/hpc-networking/complete/")
    take(client, "pre", right=False)
    take(client, "post", right=True)
    page = client.get(f"/exports/report/{CH}/").content.decode()
    response = client.get(f"/exports/report/{CH}.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split())
    words = "You answered 0 of 12 (0%) before studying and 12 of 12 (100%) after."
    for shown in (
        words,
        "You closed 100% of the gap",
        "1 of 4 sections complete (25%)",
        "Page 1 of",
        "content version",
        "Networking and Security for AI Workloads",
    ):
        assert shown in text, shown
    for shown in (words, "1 of 4 sections complete (25%)"):
        assert shown in page
    assert 'fill="#2563eb"' in page  # chart colours are presentation attributes


def test_missed_questions_name_the_section_that_teaches_them(client, learner, tmp_path):
    take(client, "pre", right=False)
    text = " ".join(pdf_text(client.get(f"/exports/report/{CH}.pdf").content, tmp_path).split())
    assert "Questions still missed" in text and "— read 1." in text
    assert "Take the post-study assessment to see your gain." in text


def test_unknown_chapter_is_404_and_guests_must_log_in(client, learner):
    assert client.get("/exports/report/no-such-chapter.pdf").status_code == 404
    assert Client().get(f"/exports/report/{CH}.pdf").status_code == 302


def test_the_pdf_renderer_fetches_nothing_from_another_host(tmp_path):
    seen: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    other = f"http://127.0.0.1:{server.server_address[1]}"
    html = (
        f'<link rel="stylesheet" href="{other}/x.css"><p>Hello</p>'
        f'<img src="{other}/secret.png"><img src="file:///etc/passwd">'
        '<link rel="stylesheet" href="static/css/report-print.css">'
    )
    fetcher = StaticOnlyFetcher()
    text = pdf_text(html_to_pdf(html, fetcher), tmp_path)
    server.shutdown()
    assert "Hello" in text and "Page 1 of 1" in text  # the app's own stylesheet was used
    assert seen == []
    assert f"{other}/secret.png" in fetcher.refused and "file:///etc/passwd" in fetcher.refused


def test_a_report_before_any_attempt_says_so_and_draws_no_empty_chart(client, learner):
    page = client.get(f"/exports/report/{CH}/").content.decode()
    assert "No assessment taken yet." in page and "No attempt yet." in page
    assert "<svg" not in page.split('id="r-scores"')[1].split("</section>")[0]
