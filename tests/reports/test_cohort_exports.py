"""Cohort exports as jobs: the cohort PDF, every learner's PDF in a zip, the cohort's statements;
only for the instructor who asked, while they teach the cohort."""

import datetime
import html
import io
import json
import zipfile

import pytest
from django.test import Client
from django.utils import timezone

from cohorts import services
from cohorts.models import Cohort, Membership
from quiz.models import Attempt
from reports import exports
from reports.cohort_exports import safe_name
from reports.models import ExportJob, ExportKind, JobStatus
from tests.cohorts.conftest import CH, make_user
from tests.reports.test_learner_report import pdf_text, take

from .conftest import DATABASE

pytestmark = pytest.mark.django_db
KINDS = (ExportKind.COHORT_PDF, ExportKind.COHORT_LEARNER_PDFS, ExportKind.COHORT_STATEMENTS)


@pytest.fixture(autouse=True)
def _run_on_commit(monkeypatch):
    """Hand jobs to the task backend at once: test transactions never commit."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda fn, using=None: fn())


@pytest.fixture
def setup(client):
    """Two learners (one shares earlier activity), a leaver, and the teaching instructor."""
    teacher = make_user("tess", instructor=True)
    cohort = services.create_cohort(instructor=teacher, name="Spring =1+1", chapter_ids=[CH])
    joined = timezone.now() - datetime.timedelta(minutes=30)
    people = {}
    for name, full, share in (("lee", "Lee ../../Ünal", False), ("kim", "", True)):
        user = make_user(name)
        user.first_name = full
        user.save()
        Membership.objects.create(
            cohort=cohort, user=user, joined_at=joined, share_before_joining=share
        )
        client.force_login(user)
        take(client, "pre", right=False)
        take(client, "post", right=True)
        people[name] = user
    early = joined - datetime.timedelta(minutes=30)
    Attempt.objects.filter(kind="pre").update(started_at=early, submitted_at=early)
    gone = make_user("gus")
    Membership.objects.create(cohort=cohort, user=gone, joined_at=joined, left_at=timezone.now())
    client.force_login(teacher)
    return {"cohort": cohort, "teacher": teacher, **people}


def start(client: Client, cohort: Cohort, kind: str, chapter: str = CH) -> object:
    return client.post(f"/teach/cohorts/{cohort.pk}/exports/", {"kind": kind, "chapter": chapter})


def built(client: Client, cohort: Cohort, kind: str) -> tuple[ExportJob, bytes]:
    response = start(client, cohort, kind)
    assert response.status_code == 302
    job = ExportJob.objects.get(public_id=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert job.status == JobStatus.DONE, job.error
    page = client.get(response["Location"]).content.decode()
    assert "Download the file" in page
    assert f'href="/teach/cohorts/{cohort.pk}/overview/">{cohort.name}: overview</a>' in page
    download = client.get(f"/exports/{job.public_id}/download/")
    assert download.status_code == 200
    return job, b"".join(download.streaming_content)


def test_the_cohort_pdf_has_the_overviews_figures_every_question_and_the_definitions(
    client, setup, tmp_path
):
    job, content = built(client, setup["cohort"], ExportKind.COHORT_PDF)
    assert content.startswith(b"%PDF")
    assert exports.download_name(job) == f"cohort-{setup['cohort'].pk}-{CH}-report.pdf"
    text = " ".join(pdf_text(content, tmp_path).split())
    overview = client.get(f"/teach/cohorts/{setup['cohort'].pk}/overview/").content.decode()
    assert "Spring =1+1" in text and "Headline figures" in text
    # lee's pre-study attempt came before joining and is not shared: one matched learner
    assert "Matched n 1" in text and "Class gain <g> 1.00 high (Hake); n = 1" in text
    assert '<dt>Matched n</dt><dd class="figure-value">1</dd>' in overview
    from courses.catalog import get_course

    for question in get_course().chapter(CH).questions:
        assert question.id in text
    assert "Definitions and small-number rules" in text and "Exact McNemar p" in text
    assert "Page 1 of" in text and "content version" in text


def test_the_zip_holds_one_pdf_per_current_member_with_safe_names(client, setup, tmp_path):
    job, content = built(client, setup["cohort"], ExportKind.COHORT_LEARNER_PDFS)
    assert exports.download_name(job).endswith("-learner-reports.zip")
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert sorted(names) == sorted(
        [f"kim-{setup['kim'].pk}.pdf", f"lee-unal-{setup['lee'].pk}.pdf"]
    )  # no leaver, no instructor, no path
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        lee = archive.read(f"lee-unal-{setup['lee'].pk}.pdf")
        kim = archive.read(f"kim-{setup['kim'].pk}.pdf")
    assert "After studying you answered 12 of 12" in " ".join(pdf_text(lee, tmp_path).split())
    kim_text = " ".join(pdf_text(kim, tmp_path).split())
    assert "You answered 0 of 12 (0%) before studying and 12 of 12 (100%) after." in kim_text
    drill = client.get(f"/teach/cohorts/{setup['cohort'].pk}/learners/{setup['kim'].pk}/report.pdf")
    assert pdf_text(drill.content, tmp_path) == pdf_text(kim, tmp_path)  # the same file


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc-passwd-7.pdf"),
        ("a/b\\c", "a-b-c-7.pdf"),
        ("Zoë Ünal", "zoe-unal-7.pdf"),
        ("", "learner-7.pdf"),
        ("李雷", "learner-7.pdf"),
        ("x" * 300, "x" * 60 + "-7.pdf"),
    ],
)
def test_file_names_in_the_zip_are_never_paths(name, expected):
    assert safe_name(name, 7) == expected


def test_the_cohorts_statements_are_only_what_members_share(client, setup):
    _, content = built(client, setup["cohort"], ExportKind.COHORT_STATEMENTS)
    lines = [json.loads(line) for line in content.decode().splitlines()]
    joined = Membership.objects.get(user=setup["lee"]).joined_at
    assert lines and not any("lee" in json.dumps(s["actor"]) for s in lines)  # pseudonyms
    by_actor: dict[str, list[dict]] = {}
    for s in lines:
        by_actor.setdefault(s["actor"]["account"]["name"], []).append(s)
    assert len(by_actor) == 2  # kim and lee: not the leaver, not the instructor
    pre_submissions = [
        s
        for s in lines
        if "assessments/pre" in s["object"]["id"] and "score" in s.get("result", {})
    ]
    assert len(pre_submissions) == 1  # kim shares her earlier pre-study attempt; lee does not
    kim = pre_submissions[0]["actor"]["account"]["name"]
    (lee,) = set(by_actor) - {kim}
    assert all(datetime.datetime.fromisoformat(s["timestamp"]) >= joined for s in by_actor[lee])


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_else_can_start_see_or_download_a_cohort_export(client, setup, kind):
    cohort = setup["cohort"]
    job, _ = built(client, cohort, kind)
    other = Client()
    other.force_login(make_user("otto", instructor=True))
    learner = Client()
    learner.force_login(setup["lee"])
    for who in (other, learner):
        assert start(who, cohort, kind).status_code == 404
        assert who.get(f"/exports/{job.public_id}/").status_code == 404
        assert who.get(f"/exports/{job.public_id}/download/").status_code == 404
    anonymous = Client()
    assert start(anonymous, cohort, kind).status_code == 302  # to log in
    assert anonymous.get(f"/exports/{job.public_id}/download/").status_code == 302


def test_a_removed_instructor_loses_the_files_and_new_jobs_fail(client, setup):
    cohort = setup["cohort"]
    job, _ = built(client, cohort, ExportKind.COHORT_PDF)
    co = make_user("cora", instructor=True)
    cohort.instructors.add(co)
    cohort.instructors.remove(setup["teacher"])
    assert client.get(f"/exports/{job.public_id}/").status_code == 404
    assert client.get(f"/exports/{job.public_id}/download/").status_code == 404
    queued = ExportJob.objects.create(
        public_id="queued-before-removal",
        user=setup["teacher"],
        kind=ExportKind.COHORT_PDF,
        subject=f"{cohort.pk}:{CH}",
        created_at=timezone.now(),
    )
    with pytest.raises(Exception, match="no longer teach"):
        exports.run_job(queued.pk)
    queued.refresh_from_db()
    assert queued.status == JobStatus.FAILED and not queued.file


def test_forged_cohorts_chapters_and_kinds_are_refused(client, setup):
    cohort = setup["cohort"]
    assert start(client, cohort, ExportKind.COHORT_PDF, chapter="no-such").status_code == 404
    assert client.post("/teach/cohorts/987654/exports/", {"kind": "cohort_pdf"}).status_code == 404
    refused = start(client, cohort, ExportKind.LEARNER_STATEMENTS)
    assert refused.status_code == 422 and ExportJob.objects.count() == 0
    assert client.get(f"/teach/cohorts/{cohort.pk}/exports/").status_code == 405
    learner_page = Client()
    learner_page.force_login(setup["lee"])
    forged = learner_page.post("/exports/new/", {"kind": ExportKind.COHORT_PDF})
    assert forged.status_code == 422  # a learner's export page offers only their own kinds


def test_the_overview_offers_the_jobs_and_lists_mine(client, setup, settings):
    settings.TASKS = DATABASE  # stays queued
    cohort = setup["cohort"]
    start(client, cohort, ExportKind.COHORT_LEARNER_PDFS)
    page = html.unescape(client.get(f"/teach/cohorts/{cohort.pk}/overview/").content.decode())
    for label in ("Cohort report (PDF)", "Every learner's progress report (PDFs in a zip)"):
        assert f"Prepare: {label}" in page
    assert "Your recent files for this cohort" in page and ": queued, asked for" in page
