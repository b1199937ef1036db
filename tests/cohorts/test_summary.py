"""Instructor home figures: hand-computed values, who counts, and constant queries."""

import pytest

from cohorts import joining, services
from courses.models import SectionProgress
from reports.cohort_summary import class_gain, summarize

from .conftest import CH, make_user, submit

CHAPTERS = {CH: "Chapter 8: Networking"}


def test_class_gain_is_hakes_formula_and_undefined_at_100_or_without_data():
    assert class_gain(37.5, 62.5) == pytest.approx(0.4)
    assert class_gain(50.0, 25.0) == pytest.approx(-0.5)
    assert class_gain(100.0, 100.0) is None
    assert class_gain(None, 50.0) is None


def join(cohort, name: str, share: bool = True):
    user = make_user(name)
    joining.join(cohort=cohort, user=user, share_before_joining=share)
    return user


@pytest.mark.django_db
def test_home_figures_match_hand_computed_values(cohort, other_teacher):
    a = join(cohort, "a")
    submit(a, "pre", 6, minutes_ago=9)  # 50 %
    submit(a, "post", 9, minutes_ago=5)  # 75 %: the first post counts
    submit(a, "post", 12, minutes_ago=1)  # 100 %: a later retake does not
    b = join(cohort, "b")
    submit(b, "pre", 3, minutes_ago=9)  # 25 %
    submit(b, "post", 6, minutes_ago=5)  # 50 %
    submit(join(cohort, "c"), "pre", 12, minutes_ago=9)  # pre only
    join(cohort, "d")  # nothing yet
    e = make_user("e")
    submit(e, "pre", 0, minutes_ago=60)  # before joining, not shared: invisible
    joining.join(cohort=cohort, user=e, share_before_joining=False)
    submit(e, "post", 12)
    gone = join(cohort, "gone")
    submit(gone, "pre", 0, minutes_ago=9)
    submit(gone, "post", 12, minutes_ago=5)
    joining.leave(membership=joining.membership_of(cohort, gone))
    for teacher in (other_teacher,):
        joining.join(cohort=cohort, user=teacher, share_before_joining=True)
        services.add_co_instructor(cohort=cohort, user=teacher)
        submit(teacher, "pre", 0, minutes_ago=9)
        submit(teacher, "post", 12, minutes_ago=5)

    [row] = summarize([cohort], CHAPTERS)
    [ch] = row.chapters
    assert row.learners == 5  # a, b, c, d, e
    assert (ch.pre_done, ch.post_done, ch.matched) == (3, 3, 2)
    assert (ch.mean_pre, ch.mean_post) == (pytest.approx(37.5), pytest.approx(62.5))
    assert ch.class_gain == pytest.approx(0.4)
    assert ch.title == "Chapter 8: Networking"
    assert row.last_activity is not None


@pytest.mark.django_db
def test_an_empty_cohort_has_zeros_and_no_gain(cohort):
    [row] = summarize([cohort], CHAPTERS)
    assert row.learners == 0 and row.last_activity is None
    assert (row.chapters[0].matched, row.chapters[0].class_gain) == (0, None)


@pytest.mark.django_db
def test_last_activity_is_the_latest_visible_reading_or_assessment(cohort):
    from django.utils import timezone

    a = join(cohort, "a")
    attempt = submit(a, "pre", 6, minutes_ago=30)
    read = SectionProgress.objects.create(
        user=a, chapter_id=CH, section_id="s", content_version="v", opened_at=timezone.now()
    )
    assert summarize([cohort], CHAPTERS)[0].last_activity == read.opened_at
    read.delete()
    assert summarize([cohort], CHAPTERS)[0].last_activity == attempt.submitted_at


def build(cohort, n: int, prefix: str) -> None:
    for i in range(n):
        user = join(cohort, f"{prefix}{i}")
        submit(user, "pre", i % 12, minutes_ago=9)
        submit(user, "post", (i + 3) % 13, minutes_ago=5)


@pytest.mark.django_db
@pytest.mark.parametrize("learners", [2, 20])
def test_the_home_makes_the_same_number_of_queries_for_2_or_20_learners(
    client, teacher, cohort, other_cohort, learners, django_assert_num_queries
):
    services.add_co_instructor(cohort=other_cohort, user=teacher)
    build(cohort, learners, "x")
    build(other_cohort, learners, "y")
    client.force_login(teacher)
    client.get("/teach/")  # notes the role in the session
    with django_assert_num_queries(12):
        page = client.get("/teach/").content.decode()
    assert page.count(f'<td data-label="Learners" rowspan="1">{learners}</td>') == 2
