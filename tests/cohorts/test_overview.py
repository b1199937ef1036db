"""The cohort overview and its report: hand-computed figures, undefined cases, live refresh."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import SectionProgress
from reports.cohort import cohort_report

from .conftest import CH
from .dashboard_helpers import Q1, Q2, SECTION, learner, sit

pytestmark = pytest.mark.django_db


def progress(user, section: str, completed: bool) -> None:
    now = timezone.now()
    SectionProgress.objects.create(
        user=user,
        chapter_id=CH,
        section_id=section,
        content_version="v",
        opened_at=now,
        completed_at=now if completed else None,
    )


@pytest.fixture
def hand_cohort(cohort):
    ann = learner(cohort, "ann")
    sit(ann, "pre", {Q1: "a", Q2: "b"}, 30)  # 50 %
    sit(ann, "post", {Q1: "b", Q2: "b"}, 10)  # 100 %: g = 1, c = 1
    progress(ann, SECTION, completed=True)
    bob = learner(cohort, "bob")
    sit(bob, "pre", {Q1: "a", Q2: "a"}, 30)  # 0 %
    sit(bob, "post", {Q1: "a", Q2: "b"}, 10)  # 50 %: g = 0.5, c = 0.5
    sit(bob, "post", {Q1: "b", Q2: "b"}, 5)  # a retake: best and latest, not first
    cat = learner(cohort, "cat")
    sit(cat, "pre", {Q1: "b", Q2: "b"}, 30)  # 100 %
    sit(cat, "post", {Q1: "c", Q2: "b"}, 10)  # 50 %: g undefined, c = -0.5
    dan = learner(cohort, "dan")
    sit(dan, "pre", {Q1: "a", Q2: "b"}, 30)
    eve = learner(cohort, "eve")
    progress(eve, SECTION, completed=False)
    return cohort


def test_the_report_matches_hand_computed_figures(hand_cohort):
    r = cohort_report(hand_cohort, now=timezone.now())
    h = r.header
    assert (h.enrolled, h.pre_done, h.post_done, h.matched) == (5, 4, 3, 3)
    assert h.mean_pre.value == pytest.approx(50) and h.mean_post.value == pytest.approx(200 / 3)
    assert h.class_gain.value == pytest.approx(1 / 3) and h.hake_band == "medium"
    assert h.mean_c.value == pytest.approx(1 / 3) and h.mean_c.n == 3
    # d = 50, 50, -50: mean 16.67, sd 57.74, t(0.975, 2) = 4.303
    assert h.mean_change.value == pytest.approx(50 / 3)
    assert h.mean_change.lo == pytest.approx(50 / 3 - 4.303 * 57.735 / 3**0.5, abs=0.1)
    assert h.effect_size_dz.value == pytest.approx((50 / 3) / 57.735, abs=1e-3)
    tally = {s: n for s, _, n in r.status_counts}
    assert tally == {"not_started": 0, "reading": 1, "pre_done": 1, "post_done": 3, "finished": 0}
    rows = {x.display_name: x for x in r.learners}
    assert rows["cat"].gain_g.value is None and rows["cat"].change_c.value == pytest.approx(-0.5)
    assert rows["bob"].post_first_pct.value == 50 and rows["bob"].post_best_pct.value == 100
    assert rows["bob"].post_attempts == 2


def test_item_and_section_figures_match_hand_computed_values(hand_cohort):
    r = cohort_report(hand_cohort, now=timezone.now())
    items = {i.item_id: i for i in r.items}
    t1, t2 = items[Q1].transitions, items[Q2].transitions
    assert (t1.rr, t1.rw, t1.wr, t1.ww) == (0, 1, 1, 1)
    assert (t2.rr, t2.rw, t2.wr, t2.ww) == (2, 0, 1, 0)
    assert items[Q1].p_pre.value == pytest.approx(1 / 3)
    assert items[Q1].item_gain.value == 0 and items[Q1].item_gain.n == 2
    assert items[Q2].item_gain.value == 1 and items[Q2].p_post.value == 1
    assert items[Q1].mcnemar_p.value == 1.0  # 2 * (1 + 2) / 4, capped at 1
    assert items[Q1].top_wrong_choice_pre == "a" and items[Q1].random_guess == 0.25
    assert items[Q1].discrimination_pre.value is None  # n = 3 < 10
    section = next(s for s in r.sections if s.section_id == SECTION)
    assert (section.n_completed, section.n_learners, section.n_matched) == (1, 5, 3)
    assert section.pre_pct.value == pytest.approx(50)  # 3 of 6 right
    assert section.post_pct.value == pytest.approx(400 / 6)
    assert section.gain_g.value == pytest.approx(1 / 3) and section.indicative


def test_the_page_shows_the_figures_and_the_rules(client, teacher, hand_cohort):
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[hand_cohort.pk])).content.decode()
    assert "Class gain &lt;g&gt;" in page and "0.33" in page and "medium (Hake); n = 3" in page
    assert "pre-study score was 100 %: no room to gain" in page  # cat's g, empty with a reason
    assert "discrimination needs n &gt;= 10" in page
    assert "rule: first post % &lt; pre %" in page  # cat needs attention
    assert "only 2 learners changed" in page
    assert 'role="img"' in page and "<title" in page
    assert (
        reverse("cohorts:learner", args=[hand_cohort.pk, hand_cohort.memberships.first().user_id])
        in page
    )


def test_the_learners_table_sorts_and_filters(client, teacher, hand_cohort):
    client.force_login(teacher)
    url = reverse("cohorts:overview", args=[hand_cohort.pk])
    page = client.get(url, {"sort": "-pre"}).content.decode()
    assert page.index(">cat</a>") < page.index(">ann</a>") < page.index(">bob</a>")
    page = client.get(url, {"status": "reading"}).content.decode()
    assert ">eve</a>" in page and ">ann</a></th>" not in page


@pytest.mark.parametrize("query", [{"sort": "nonsense"}, {"status": "done-ish"}])
def test_a_bad_sort_or_status_is_a_clear_400(client, teacher, hand_cohort, query):
    client.force_login(teacher)
    response = client.get(reverse("cohorts:overview", args=[hand_cohort.pk]), query)
    assert response.status_code == 400 and "Unknown" in response.content.decode()


def test_an_empty_cohort_shows_undefined_figures_with_reasons(client, teacher, cohort):
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    assert "no matched learners" in page and "No matched learner yet" in page


def test_an_unchanged_poll_is_a_304_and_new_activity_a_200(client, teacher, hand_cohort):
    client.force_login(teacher)
    url = reverse("cohorts:overview", args=[hand_cohort.pk])
    first = client.get(url, headers={"HX-Request": "true"})
    assert first.status_code == 200 and 'id="overview-live"' in first.content.decode()
    assert "<html" not in first.content.decode()
    etag = first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, headers={"HX-Request": "true", "If-None-Match": etag})
    assert again.status_code == 304
    assert len([q for q in queries if "cohorts_cohort" in q["sql"]]) <= 2
    sit(learner(hand_cohort, "fay"), "pre", {Q1: "b", Q2: "b"})
    changed = client.get(url, headers={"HX-Request": "true", "If-None-Match": etag})
    assert changed.status_code == 200 and ">fay</a>" in changed.content.decode()


def _cohort_of(cohort, size: int) -> None:
    for i in range(size):
        user = learner(cohort, f"l{size}-{i}")
        sit(user, "pre", {Q1: "a", Q2: "b"})
        sit(user, "post", {Q1: "b", Q2: "b"})


def _queries(client, cohort, *, cold: bool) -> int:
    if cold:
        cache.clear()  # the report is computed, not read from the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("cohorts:overview", args=[cohort.pk])).status_code == 200
    return len(queries)


def test_the_overview_query_count_is_the_same_at_10_and_200_learners(client, teacher, cohort):
    from cohorts import services

    client.force_login(teacher)
    _cohort_of(cohort, 10)
    big = services.create_cohort(instructor=teacher, name="Big", chapter_ids=[CH])
    _cohort_of(big, 200)
    _queries(client, cohort, cold=True)  # the first request also notes the role in the session
    # session, user, role, ETag, cohort; members, attempts, reading, practice, matched figures,
    # (cells, sections, stubborn learners), question versions, completion per section; the
    # instructor's recent files for the cohort
    assert _queries(client, cohort, cold=True) == _queries(client, big, cold=True) == 14
    # a reload with nothing new: the report comes from the cache (primed just before)
    for c in (cohort, big):
        assert _queries(client, c, cold=True) == 14 and _queries(client, c, cold=False) == 7


def test_a_stubborn_distractor_tags_the_item_and_flags_its_learners(client, teacher, cohort):
    for name in ("sam", "sue"):
        user = learner(cohort, name)
        sit(user, "pre", {Q1: "c", Q2: "b"}, 30)
        sit(user, "post", {Q1: "c", Q2: "b"}, 10)
    r = cohort_report(cohort, now=timezone.now())
    q1 = next(i for i in r.items if i.item_id == Q1)
    assert q1.stubborn == {"c": 2} and "stubborn" in [t.code for t in q1.tags]
    flagged = [(a.label, [(f.kind, f.item_id, f.choice) for f in a.flags]) for a in r.attention]
    assert flagged == [("sam", [("stubborn", Q1, "c")]), ("sue", [("stubborn", Q1, "c")])]
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    assert "rule: chose stubborn distractor c before and after" in page
    assert "Stubborn misconception" in page


def test_the_learners_table_shows_100_a_page_with_links_to_the_rest(client, teacher, cohort):
    for i in range(101):
        learner(cohort, f"p{i:03d}")
    client.force_login(teacher)
    url = reverse("cohorts:overview", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert ">p099</a>" in page and ">p100</a>" not in page
    assert "Learners 1–100 of 101 (page 1 of 2)" in page and "page=2" in page
    second = client.get(url, {"page": "2"}).content.decode()
    assert ">p100</a>" in second and ">p000</a>" not in second and "previous page" in second


@pytest.mark.parametrize("wanted", ["0", "3", "two", "-1"])
def test_a_page_that_does_not_exist_is_a_clear_400(client, teacher, cohort, wanted):
    learner(cohort, "ann")
    client.force_login(teacher)
    response = client.get(reverse("cohorts:overview", args=[cohort.pk]), {"page": wanted})
    assert response.status_code == 400
    assert "choose a page between 1 and 1" in response.content.decode()


def test_needs_attention_lists_50_and_filters_the_learners_table_to_all(client, teacher, cohort):
    import datetime

    from cohorts.models import Membership

    for i in range(52):
        learner(cohort, f"idle{i:02d}")
    long_ago = timezone.now() - datetime.timedelta(days=20)
    Membership.objects.filter(cohort=cohort).update(joined_at=long_ago)
    client.force_login(teacher)
    url = reverse("cohorts:overview", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert page.count("rule: no activity for 14 days") == 50
    assert "And 2 more, 52 learners in all" in page
    table = client.get(url, {"status": "attention"}).content.decode()
    assert "Learners (needing attention)" in table and ">idle51</a></th>" in table
