"""Overview extras: KR-20 shown with its rule, item-writing flags on the question page, chapters."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from cohorts import services
from courses.catalog import get_course
from courses.content.flags import item_flags

from .conftest import CH
from .dashboard_helpers import Q1, Q2, learner, sit

pytestmark = pytest.mark.django_db
FIXTURE_CHAPTER = Path(__file__).parents[1] / "fixtures" / "content" / "chapters" / "basics"


def _chapter_questions() -> dict:
    chapter = next(c for c in get_course().chapters if c.id == CH)
    return {q.id: q for q in chapter.questions}


def test_the_overview_shows_kr20_with_its_small_number_rule(client, teacher, cohort):
    ann = learner(cohort, "ann")
    sit(ann, "pre", {Q1: "a", Q2: "b"}, 30)
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    assert "Reliability (KR-20, pre)" in page
    assert "reliability needs n &gt;= 10" in page


def test_the_overview_shows_kr20_when_ten_learners_took_both(client, teacher, cohort):
    for i in range(10):
        who = learner(cohort, f"l{i}")
        sit(who, "pre", {Q1: "b" if i % 2 else "a", Q2: "b" if i > 2 else "c"}, 30)
        sit(who, "post", {Q1: "b", Q2: "b"}, 10)
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    # Totals 0,1,0,2,1,2,1,2,1,2: variance 0.56; p = 0.5 and 0.7, sum pq = 0.46;
    # KR-20 = 2/1 * (1 - 0.46 / 0.56) = 0.357.
    assert 'Reliability (KR-20, pre)</dt><dd class="figure-value">0.36</dd>' in page
    assert "n = 10; indicative: few items" in page


def test_the_question_page_shows_the_item_writing_flags(client, teacher, cohort):
    questions = _chapter_questions()
    flagged = next(q for q in questions.values() if item_flags(q))
    client.force_login(teacher)
    page = client.get(reverse("cohorts:item", args=[cohort.pk, flagged.id])).content.decode()
    assert "Item-writing flags" in page
    for flag in item_flags(flagged):
        assert flag.code in page
    assert "is the longest" in page


def test_a_question_without_cues_shows_no_flags(client, teacher, cohort):
    clean = [q for q in _chapter_questions().values() if not item_flags(q)]
    if not clean:
        pytest.skip("every question in the chapter has a cue")
    client.force_login(teacher)
    page = client.get(reverse("cohorts:item", args=[cohort.pk, clean[0].id])).content.decode()
    assert "Item-writing flags" not in page


@pytest.fixture
def two_chapters(settings, tmp_path) -> Path:
    """The real course plus the fixture course's chapter: a course with two chapters."""
    root = tmp_path / "content"
    shutil.copytree(Path(django_settings.CONTENT_DIR), root)
    shutil.copytree(FIXTURE_CHAPTER, root / "chapters" / "basics")
    settings.CONTENT_DIR = root
    return root


def test_a_cohort_with_two_chapters_switches_between_them(client, teacher, two_chapters):
    both = services.create_cohort(instructor=teacher, name="Both", chapter_ids=[CH, "basics"])
    ann = learner(both, "ann")
    sit(ann, "pre", {Q1: "a", Q2: "b"}, 30)
    client.force_login(teacher)
    url = reverse("cohorts:overview", args=[both.pk])
    first = client.get(url).content.decode()
    assert 'aria-label="Chapter"' in first
    assert '<strong aria-current="page">8. Networking and Security' in first
    assert 'href="?chapter=basics">1. Basics</a>' in first
    second = client.get(url, {"chapter": "basics"}).content.decode()
    assert '<strong aria-current="page">1. Basics</strong>' in second
    assert "?sort=name&amp;status=reading&amp;chapter=basics" in second
    assert f"{reverse('cohorts:learner', args=[both.pk, ann.pk])}?chapter=basics" in second
    assert client.get(url, {"chapter": "nope"}).status_code == 404


def test_a_cohort_with_one_chapter_has_no_switcher(client, teacher, cohort):
    client.force_login(teacher)
    page = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    assert 'aria-label="Chapter"' not in page and "chapter=" not in page.split("Files")[0]
