"""Every page is valid HTML: the Nu Html Checker (vnu.jar) reports zero errors."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
VNU = Path(os.environ.get("VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
CH = "networking-security"
PASSWORD = "a-long-pass-phrase-3"
pytestmark = pytest.mark.django_db


def _start(client: Client, kind: str) -> str:
    response = client.post(f"/quiz/chapters/{CH}/assessments/{kind}/start/")
    return response["Location"].rstrip("/").split("/")[-1]


def _answer_everything(client: Client, public_id: str) -> None:
    html = client.get(f"/quiz/attempts/{public_id}/").content.decode()
    first = dict(reversed(re.findall(r'name="q(\d+)" value="([^"]+)"', html)))
    data = {f"q{pos}": token for pos, token in first.items()} | {"submit": "1", "confirm": "1"}
    client.post(f"/quiz/attempts/{public_id}/save/", data)


def _pages() -> dict[str, str]:
    """The HTML of every page, as an anonymous reader and as a learner who has done everything."""
    anonymous = Client()
    urls = [
        "/",
        f"/chapters/{CH}/",
        f"/chapters/{CH}/glossary/",
        "/guides/k8s-gpu-security/",
        f"/quiz/chapters/{CH}/assessments/pre/",
        f"/quiz/chapters/{CH}/assessments/post/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password_reset/",
        "/accounts/logout/",
        "/no-such-page/",
        "/progress/",
    ]
    from courses.catalog import get_course

    chapter = get_course().chapter(CH)
    urls += [s.url for s in chapter.sections]
    pages = {f"anon{u}": _html(anonymous, u) for u in urls}
    learner = Client()
    val = User.objects.create_user("val", password=PASSWORD)
    learner.force_login(val)
    pre = _start(learner, "pre")
    pages["take"] = _html(learner, f"/quiz/attempts/{pre}/")
    confirm = learner.post(f"/quiz/attempts/{pre}/save/", {"submit": "1"})
    pages["confirm"] = _html(learner, confirm["Location"])
    _answer_everything(learner, pre)
    for section in chapter.sections:
        learner.post(f"{section.url}complete/")
    post = _start(learner, "post")
    _answer_everything(learner, post)
    learner.post(
        "/guides/k8s-gpu-security/projects/harden-serving-container/steps/1/", {"done": "1"}
    )
    extra = [
        f"/quiz/attempts/{pre}/",
        f"/quiz/attempts/{post}/",
        "/accounts/password_change/",
        "/accounts/delete/",
    ]
    job = learner.post("/exports/new/", {"kind": "learner_statements"})["Location"]
    extra += ["/exports/", job, f"/exports/report/{CH}/"]
    results = _html(learner, f"/quiz/attempts/{pre}/")
    practice = re.search(r'href="(/quiz/attempts/[^"]+/practice/\d+/)"', results).group(1)
    extra.append(practice)
    pages["practice-error"] = learner.post(practice, {"choice": "nope"}).content.decode()
    key = re.findall(r'name="choice" value="([^"]+)"', _html(learner, practice))[0]
    pages["practice-checked"] = learner.post(practice, {"choice": key}).content.decode()
    for url in urls[:-1] + extra + ["/progress/"]:
        pages[f"learner{url}"] = _html(learner, url)
    pages |= _teacher_pages(val, chapter)
    return {name: html for name, html in pages.items() if html}


def _teacher_pages(learner: User, chapter: object) -> dict[str, str]:
    """The instructor's overview, learner and question pages of a cohort the learner joined."""
    from cohorts import joining, services
    from cohorts.roles import set_instructor

    teacher = User.objects.create_user("tia", password=PASSWORD)
    set_instructor(user=teacher, instructor=True)
    cohort = services.create_cohort(instructor=teacher, name="Valid", chapter_ids=[CH])
    joining.join(cohort=cohort, user=learner, share_before_joining=True)
    client = Client()
    client.force_login(teacher)
    base = f"/teach/cohorts/{cohort.pk}/"
    urls = [
        f"{base}overview/",
        f"{base}overview/?sort=-pre&status=finished",
        f"{base}learners/{learner.pk}/",
        f"{base}items/{chapter.questions[0].id}/",
        client.post(f"{base}exports/", {"kind": "cohort_pdf"})["Location"],  # a cohort job
    ]
    return {f"teach{url}": _html(client, url) for url in urls}


def _html(client: Client, url: str) -> str:
    """The page's HTML; empty for a redirect."""
    response = client.get(url)
    return "" if response.status_code in (301, 302) else response.content.decode()


def test_every_page_is_valid_html(tmp_path):
    java = shutil.which("java")
    if not (java and VNU.exists()):
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI: the Nu Html Checker needs java and {VNU} (npm i vnu-jar)")
        pytest.skip(f"Nu Html Checker not installed ({VNU}; npm i vnu-jar)")
    files = {}
    for n, (name, html) in enumerate(_pages().items()):
        path = tmp_path / f"page{n:02}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    run = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            *(p for p in map(str, tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    messages = json.loads(run.stdout or run.stderr)["messages"]
    errors = [
        f"{files[m['url'].rsplit('/', 1)[-1]]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == [], "\n".join(errors)
