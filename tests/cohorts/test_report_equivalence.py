"""The cohort report from SQL aggregates equals the learner-by-learner reference on seeded data."""

import datetime

import pytest
from django.utils import timezone

from cohorts.seeding import seed_cohort
from courses.catalog import get_course
from reports.cohort import cohort_report

from .dashboard_helpers import learner, sit
from .reference_report import (
    expected_items,
    expected_kr20,
    expected_reading,
    expected_sections,
    expected_stubborn_learners,
)

pytestmark = pytest.mark.django_db
FIELDS = (
    "n",
    "transitions",
    "top_wrong_choice_pre",
    "top_wrong_choice_post",
    "stubborn",
    "stubborn_count",
    "choice_counts",
    "option_transitions",
    "tags",
    "section_id",
)


def close(a: object, b: object) -> bool:
    """Figures and intervals equal, their floats to 1e-9."""
    if type(a) is not type(b):
        return False
    for name in ("value", "lo", "hi"):
        x, y = getattr(a, name, None), getattr(b, name, None)
        if (x is None) != (y is None) or (x is not None and x != pytest.approx(y, abs=1e-9)):
            return False
    return a.n == b.n and a.reason == b.reason


@pytest.fixture
def seeded():
    """60 simulated learners plus hand-made edge cases: a second version set, a hidden pre."""
    cohort = seed_cohort(learners=60, seed=7).cohort
    ann = learner(cohort, "edge-ann")
    sit(ann, "pre", {"rdma-advantage": "a", "gpudirect-removes": "b"}, 30)
    sit(ann, "post", {"rdma-advantage": "b", "gpudirect-removes": "c"}, 10)
    hidden = learner(cohort, "edge-hidden", share=False)
    sit(hidden, "pre", {"rdma-advantage": "a"}, 60)
    sit(hidden, "post", {"rdma-advantage": "c"}, 0)
    return cohort


def test_every_item_figure_equals_the_reference(seeded):
    chapter = seeded.chapter_ids[0]
    report = cohort_report(seeded, now=timezone.now())
    expected = expected_items(seeded, chapter)
    got = {(i.item_id, i.item_version): i for i in report.items}
    assert got.keys() == expected.keys() and len(got) > 12
    for key, want in expected.items():
        item = got[key]
        for name in FIELDS:
            assert getattr(item, name) == want[name], (key, name)
        for name in ("p_pre", "p_post", "item_gain", "mcnemar_p", "discrimination_pre"):
            assert close(getattr(item, name), want[name]), (key, name)


def test_kr20_and_the_sections_equal_the_reference(seeded):
    chapter = seeded.chapter_ids[0]
    report = cohort_report(seeded, now=timezone.now())
    assert close(report.header.kr20_pre, expected_kr20(seeded, chapter))
    assert report.header.kr20_pre.value is not None
    want = expected_sections(seeded, chapter)
    for s in report.sections:
        if s.section_id not in want:
            assert s.n_matched == 0
            continue
        pre, post, g, n = want[s.section_id]
        assert close(s.pre_pct, pre) and close(s.post_pct, post) and close(s.gain_g, g)
        assert s.n_matched == n


def test_learner_rows_and_completion_equal_the_reference(seeded):
    chapter = get_course().chapters[0]
    sections = [s.id for s in chapter.sections]
    report = cohort_report(seeded, now=timezone.now())
    want = expected_reading(seeded, chapter.id, sections)
    assert {r.user_id for r in report.learners} == want.keys()
    for r in report.learners:
        done, reading, latest = want[r.user_id]
        assert r.sections_completed == len(done) and r.last_activity_at == latest, r.display_name
        if r.status in ("not_started", "reading"):
            assert (r.status == "reading") == reading
    by_section = {s.section_id: s.n_completed for s in report.sections}
    assert by_section == {sid: sum(sid in w[0] for w in want.values()) for sid in sections}


def test_stubborn_learners_equal_the_reference(seeded):
    report = cohort_report(seeded, now=timezone.now() + datetime.timedelta(days=1))
    want = expected_stubborn_learners(seeded, seeded.chapter_ids[0])
    assert want, "the seeded cohort should have a stubborn distractor"
    got = {
        (a.user_id, f.item_id, f.choice)
        for a in report.attention
        for f in a.flags
        if f.kind == "stubborn"
    }
    assert got == want
