"""The instructor's copy of a learner's PDF: same report, only for their cohorts' members."""

import datetime

import pytest
from django.utils import timezone

from cohorts import services
from cohorts.models import Membership
from quiz.models import Attempt
from tests.cohorts.conftest import CH, make_user
from tests.reports.test_learner_report import pdf_text, take

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    teacher = make_user("tess", instructor=True)
    other_teacher = make_user("otto", instructor=True)
    cohort = services.create_cohort(instructor=teacher, name="Spring", chapter_ids=[CH])
    other = services.create_cohort(instructor=other_teacher, name="Otto's", chapter_ids=[CH])
    learner = make_user("lee")
    Membership.objects.create(
        cohort=cohort, user=learner, joined_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    client.force_login(learner)
    take(client, "pre", right=False)
    take(client, "post", right=True)
    earlier = timezone.now() - datetime.timedelta(minutes=60)
    Attempt.objects.filter(kind="pre").update(submitted_at=earlier)  # before joining
    client.force_login(teacher)
    return {"cohort": cohort, "other": other, "learner": learner}


def url(cohort_id: int, user_id: int, query: str = "") -> str:
    return f"/teach/cohorts/{cohort_id}/learners/{user_id}/report.pdf{query}"


def test_instructor_downloads_the_learners_report_with_only_shared_activity(
    client, setup, tmp_path
):
    response = client.get(url(setup["cohort"].pk, setup["learner"].pk))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "lee" in text
    assert "After studying you answered 12 of 12 (100%)." in text  # the pre attempt stays private


def test_sharing_earlier_activity_shows_the_pre_study_score(client, setup, tmp_path):
    Membership.objects.filter(user=setup["learner"]).update(share_before_joining=True)
    response = client.get(url(setup["cohort"].pk, setup["learner"].pk))
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "You answered 0 of 12 (0%) before studying and 12 of 12 (100%) after." in text


def test_other_cohorts_non_members_leavers_and_unknown_chapters_are_404(client, setup):
    cohort, learner = setup["cohort"], setup["learner"]
    stranger = make_user("sol")
    assert client.get(url(setup["other"].pk, learner.pk)).status_code == 404
    assert client.get(url(cohort.pk, stranger.pk)).status_code == 404
    assert client.get(url(cohort.pk, 999999)).status_code == 404
    assert client.get(url(cohort.pk, learner.pk, "?chapter=nope")).status_code == 404
    Membership.objects.filter(user=learner).update(left_at=timezone.now())
    assert client.get(url(cohort.pk, learner.pk)).status_code == 404


def test_a_learner_cannot_download_it(client, setup):
    client.force_login(setup["learner"])
    assert client.get(url(setup["cohort"].pk, setup["learner"].pk)).status_code == 404


def test_the_learner_drill_down_links_the_pdf(client, setup):
    cohort, learner = setup["cohort"], setup["learner"]
    page = client.get(f"/teach/cohorts/{cohort.pk}/learners/{learner.pk}/").content.decode()
    assert url(cohort.pk, learner.pk) in page
