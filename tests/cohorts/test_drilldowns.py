"""Learner and question drill-downs, and who may see any dashboard URL (404 for everyone else)."""

import pytest
from django.urls import reverse

from cohorts import joining

from .conftest import make_user
from .dashboard_helpers import Q1, Q2, learner, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(cohort):
    ann = learner(cohort, "ann")
    sit(ann, "pre", {Q1: "a", Q2: "b"}, 30)
    sit(ann, "post", {Q1: "b", Q2: "b"}, 10)
    bob = learner(cohort, "bob")
    sit(bob, "pre", {Q1: "c", Q2: "b"}, 30)
    sit(bob, "post", {Q1: "c", Q2: "b"}, 10)
    return ann, bob


def test_the_learner_page_shows_answers_side_by_side(client, teacher, cohort, pair):
    client.force_login(teacher)
    page = client.get(reverse("cohorts:learner", args=[cohort.pk, pair[0].pk])).content.decode()
    assert "Prompt of rdma-advantage?" in page
    assert "Option a <strong>wrong</strong>" in page and "Option b <strong>right</strong>" in page
    assert "1. " in page and "Reading" in page and "1 of 2" in page and "2 of 2" in page


def test_the_question_page_shows_who_is_in_each_cell(client, teacher, cohort, pair):
    client.force_login(teacher)
    page = client.get(reverse("cohorts:item", args=[cohort.pk, Q1])).content.decode()
    assert "1: ann" in page and "1: bob" in page  # a -> b and c -> c
    assert "Option c" in page and "1.000" in page and "Stubborn" not in page


def test_a_question_not_in_the_chapter_is_404(client, teacher, cohort):
    client.force_login(teacher)
    assert client.get(reverse("cohorts:item", args=[cohort.pk, "no-such-q"])).status_code == 404


def _urls(cohort, user_id: int) -> list[str]:
    return [
        reverse("cohorts:overview", args=[cohort.pk]),
        reverse("cohorts:learner", args=[cohort.pk, user_id]),
        reverse("cohorts:item", args=[cohort.pk, Q1]),
    ]


def test_another_instructors_cohort_is_404_everywhere(client, other_teacher, cohort, pair):
    client.force_login(other_teacher)
    for url in _urls(cohort, pair[0].pk):
        assert client.get(url).status_code == 404, url
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 404, url


def test_a_learners_session_is_404_everywhere(client, cohort, pair):
    client.force_login(pair[0])
    for url in _urls(cohort, pair[0].pk):
        assert client.get(url).status_code == 404, url


def test_a_learner_not_in_the_cohort_or_who_left_is_404(
    client, teacher, cohort, other_cohort, pair
):
    client.force_login(teacher)
    stranger = make_user("stranger")
    joining.join(cohort=other_cohort, user=stranger, share_before_joining=True)
    assert client.get(reverse("cohorts:learner", args=[cohort.pk, stranger.pk])).status_code == 404
    joining.leave(membership=joining.membership_of(cohort, pair[1]))
    assert client.get(reverse("cohorts:learner", args=[cohort.pk, pair[1].pk])).status_code == 404
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    assert ">bob</a>" not in page


def test_activity_before_joining_is_hidden_unless_shared(client, teacher, cohort):
    client.force_login(teacher)
    kim = make_user("kim")
    sit(kim, "pre", {Q1: "a", Q2: "a"}, 60)
    joining.join(cohort=cohort, user=kim, share_before_joining=False)
    page = client.get(reverse("cohorts:learner", args=[cohort.pk, kim.pk])).content.decode()
    assert "No assessment shared with this cohort yet." in page
