"""One cohort, every rendering: the overview page, the CSVs, summary.json and the cohort PDF agree.

The demo cohort's seeding (40 learners, fixed seed) gives every status, retakes, undefined gains
and tags. The page is read with an HTML parser as a reader sees it; each file's figure, rounded the
way the page rounds it, must be the page's text. The report cache is cleared between the page and
the files, so the files come from a fresh computation, not from the page's object.
"""

import csv
import io
import json
import re
from collections import Counter

import pytest
from django.core.cache import cache
from django.template.defaultfilters import floatformat
from django.utils import timezone

from cohorts.seeding import seed_cohort
from reports.cohort import STATUS_LABELS

from .html_tables import Cell, read_page

pytestmark = pytest.mark.django_db
DASH = "—"


def fig(value: str | float | None, places: int) -> str:
    """A file's number as the page writes it: rounded, or an em dash when the cell is empty."""
    return DASH if value in ("", None) else floatformat(float(value), places)


def pct(value: str | float | None) -> str:
    """A file's 0..1 share as the page's whole percentage."""
    return DASH if value in ("", None) else floatformat(100 * float(value), 0)


def first(cell: Cell) -> str:
    """A cell's figure without the reason or the n written after it."""
    return cell.text.split(" ")[0]


@pytest.fixture
def seeded(client):
    """The demo cohort's page and every file, as the instructor who teaches it gets them."""
    result = seed_cohort(learners=40, seed=11)
    client.force_login(result.cohort.instructors.get())
    base = f"/teach/cohorts/{result.cohort.pk}"
    page = client.get(f"{base}/overview/")
    assert page.status_code == 200
    cache.clear()
    files = {}
    for name in ("learners.csv", "responses.csv", "items.csv", "sections.csv"):
        response = client.get(f"{base}/files/{name}")
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content).decode("utf-8")
        assert body.startswith("\ufeff"), name
        files[name] = list(csv.DictReader(io.StringIO(body[1:])))
    files["summary.json"] = json.loads(client.get(f"{base}/files/summary.json").content)
    return read_page(page.content.decode()), files


def test_the_seeded_cohort_exercises_every_kind_of_figure(seeded):
    _, files = seeded
    learners = files["learners.csv"]
    assert len(learners) == 40
    assert {r["status"] for r in learners} >= {"reading", "pre_done", "post_done", "finished"}
    assert any(int(r["post_attempts"]) > 1 for r in learners)  # retakes: best, latest differ
    assert any(r["pre_pct"] and not r["post_first_pct"] for r in learners)
    assert len(files["items.csv"]) == 12 and len(files["sections.csv"]) == 4
    assert any(r["mcnemar_p"] for r in files["items.csv"])


def test_header_figures_equal_summary_json(seeded):
    page, files = seeded
    f = files["summary.json"]["figures"]
    shown = page.figures
    assert shown["Enrolled"] == str(f["enrolled"]) == str(len(files["learners.csv"]))
    assert shown["Pre done"] == str(f["pre_done"])
    assert shown["Post done"] == str(f["post_done"])
    assert shown["Matched n"] == str(f["matched"])
    assert shown["Class gain <g>"] == fig(f["class_gain"]["value"], 2)
    assert shown["Mean normalized change c"] == fig(f["mean_c"]["value"], 2)
    assert shown["Mean change (points)"] == fig(f["mean_change"]["value"], 1)
    assert shown["Reliability (KR-20, pre)"] == fig(f["kr20_pre"]["value"], 2)
    assert shown["Effect size dz"] == fig(f["effect_size_dz"]["value"], 2)
    assert f["class_gain"]["value"] is not None and f["class_gain"]["n"] == f["matched"]


def test_status_tally_equals_summary_json_and_learners_csv(seeded):
    page, files = seeded
    (tally,) = page.tables["status-heading"]
    shown = {row[0].text: int(row[1].text) for row in tally}
    in_json = files["summary.json"]["status_counts"]
    in_csv = Counter(r["status"] for r in files["learners.csv"])
    for key, label in STATUS_LABELS.items():
        assert shown[label] == in_json[key] == in_csv.get(key, 0), key


def test_every_learner_row_equals_learners_csv(seeded):
    page, files = seeded
    (table,) = page.tables["learners-heading"]
    by_key = {r["learner_key"]: r for r in files["learners.csv"]}
    assert len(table) == len(by_key) == 40
    for row in table:
        user_id = re.search(r"/learners/(\d+)/", row[0].href)[1]
        r = by_key[user_id]
        assert row[0].text == r["display_name"]
        assert row[1].text == STATUS_LABELS[r["status"]]
        assert row[2].text == f"{r['sections_completed']} / {r['sections_total']}"
        assert row[3].text == fig(r["pre_pct"], 0)
        assert row[4].text == fig(r["post_first_pct"], 0)
        assert row[5].text == fig(r["post_best_pct"], 0)
        assert row[6].text == fig(r["post_latest_pct"], 0)
        assert row[7].text == r["post_attempts"]
        assert first(row[8]) == fig(r["gain_g"], 2), r["display_name"]
        assert first(row[9]) == fig(r["change_c"], 2), r["display_name"]
        assert (row[10].text == "none") == (r["last_activity_at"] == "")


def test_every_item_row_equals_items_csv(seeded):
    page, files = seeded
    (table,) = page.tables["items-heading"]
    by_key = {(r["item_id"], r["item_version"]): r for r in files["items.csv"]}
    assert len(table) == len(by_key)
    for row in table:
        item_id, _, version = row[0].text.partition(" version ")
        r = by_key[(item_id, version)]
        assert row[1].text == r["n"]
        assert row[2].text == f"{pct(r['p_pre'])} % ({pct(r['p_pre_lo'])}–{pct(r['p_pre_hi'])})"
        assert row[3].text == f"{pct(r['p_post'])} % ({pct(r['p_post_lo'])}–{pct(r['p_post_hi'])})"
        assert row[4].text == " / ".join(r[k] for k in ("rr", "rw", "wr", "ww"))
        assert first(row[5]) == fig(r["item_gain"], 2)
        if r["mcnemar_p"]:
            assert first(row[6]) == fig(r["mcnemar_p"], 3)
        wrong = f"{r['top_wrong_choice_pre'] or DASH} / {r['top_wrong_choice_post'] or DASH}"
        assert row[7].text == wrong
        assert first(row[8]) == fig(r["discrimination_pre"], 2)
        assert row[9].text == f"{pct(r['random_guess'])} %"


def test_every_section_row_equals_sections_csv(seeded):
    page, files = seeded
    (table,) = page.tables["sections-heading"]
    rows = files["sections.csv"]
    assert len(table) == len(rows)
    for n, (row, r) in enumerate(zip(table, rows, strict=True), start=1):
        assert row[0].text == f"{n}. {r['title']}"
        completion = f"{r['n_completed']} / {r['n_learners']} ({fig(r['completion_pct'], 0)} %)"
        assert row[1].text == completion
        assert row[2].text == fig(r["pre_pct"], 0)
        assert row[3].text == fig(r["post_pct"], 0)
        assert first(row[4]) == fig(r["gain_g"], 2)
        assert row[5].text == r["n_matched"]


def test_responses_csv_adds_up_to_learners_csv(seeded):
    """Each learner's pre-study and first post-study rows sum to their scores in learners.csv."""
    _, files = seeded
    right: Counter = Counter()
    for r in files["responses.csv"]:
        if r["kind"] == "pre" or (r["kind"] == "post" and r["attempt_no"] == "1"):
            right[(r["learner_key"], r["kind"])] += int(r["correct"] or 0)
    for r in files["learners.csv"]:
        if r["pre_correct"]:
            assert right[(r["learner_key"], "pre")] == int(r["pre_correct"])
        if r["post_first_correct"]:
            assert right[(r["learner_key"], "post")] == int(r["post_first_correct"])


def test_the_cohort_pdf_shows_the_files_figures(seeded, client, tmp_path):
    """The cohort PDF (a job) draws the same report: its text holds each file's figures."""
    from cohorts.models import Cohort
    from reports.cohort_cache import cached_report
    from reports.cohort_pdf import cohort_pdf_context
    from reports.pdf import render_pdf
    from tests.reports.test_learner_report import pdf_text

    _, files = seeded
    cohort = Cohort.objects.get()
    report = cached_report(cohort, now=timezone.now())
    pdf = render_pdf("reports/cohort_report_pdf.html", cohort_pdf_context(cohort, report))
    layout = pdf_text(pdf, tmp_path)
    text = " ".join(layout.split())
    rows = ["".join(line.split()) for line in layout.splitlines()]  # one table row per line
    f = files["summary.json"]["figures"]
    assert f"Matched n {f['matched']}" in text
    assert f"Class gain <g> {fig(f['class_gain']['value'], 2)}" in text
    assert f"Mean change (points) {fig(f['mean_change']['value'], 1)}" in text
    for r in files["items.csv"]:
        mine = r["item_id"]
        (row,) = [x for x in rows if x.startswith(mine) and not x.startswith(f"{mine}@")]
        p_pre = f"{pct(r['p_pre'])}%({pct(r['p_pre_lo'])}–{pct(r['p_pre_hi'])})"
        p_post = f"{pct(r['p_post'])}%({pct(r['p_post_lo'])}–{pct(r['p_post_hi'])})"
        transitions = "/".join(r[k] for k in ("rr", "rw", "wr", "ww"))
        gain = fig(r["item_gain"], 2)
        assert f"{r['n']}{p_pre}{p_post}{transitions}{gain}" in row, r["item_id"]
    for n, r in enumerate(files["sections.csv"], start=1):
        completion = f"{r['n_completed']} / {r['n_learners']} ({fig(r['completion_pct'], 0)} %)"
        figures = f"{fig(r['pre_pct'], 0)} {fig(r['post_pct'], 0)} {fig(r['gain_g'], 2)}"
        assert f"{n}. {r['title']} {completion} {figures} {r['n_matched']}" in text
