"""seed_cohort: refuses without DEBUG, and writes learners whose stored data hangs together."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.test import Client
from django.utils import timezone

from accounts.roles import LEARNER
from cohorts.models import Cohort, Membership
from cohorts.roles import is_instructor
from courses.models import PracticeMark, SectionProgress
from quiz.models import Answer, Attempt, AttemptQuestion

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    """Run the command with --force (tests run with DEBUG off); its output."""
    out = StringIO()
    call_command("seed_cohort", *args, "--force", stdout=out)
    return out.getvalue()


def printed(output: str, label: str) -> str:
    """The value printed after `label: `."""
    return next(line.split(": ", 1)[1] for line in output.splitlines() if line.startswith(label))


def sign_in(output: str) -> Client:
    """A client signed in through the login form with the printed credentials."""
    client = Client()
    form = {
        "username": printed(output, "Instructor username"),
        "password": printed(output, "Instructor password"),
    }
    assert client.post("/accounts/login/", form).status_code == 302
    return client


def test_refuses_without_debug_or_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only with DEBUG on"):
        call_command("seed_cohort", "--learners", "5", stdout=StringIO())
    assert not Cohort.objects.exists() and not User.objects.exists()


def test_runs_with_debug_on(settings):
    settings.DEBUG = True
    call_command("seed_cohort", "--learners", "3", stdout=StringIO())
    assert Membership.objects.count() == 3


def test_rejects_a_silly_learner_count():
    with pytest.raises(CommandError, match="between 1 and 200000"):
        seed("--learners", "0")


def test_prints_a_working_login_and_the_overview_path():
    output = seed("--learners", "5")
    cohort = Cohort.objects.get()
    assert printed(output, "Cohort overview") == f"/teach/cohorts/{cohort.pk}/overview/"
    client = sign_in(output)
    assert "Demo cohort (5 learners)" in client.get("/teach/").content.decode()


def test_unless_seeded_only_gives_a_new_password():
    first = seed("--learners", "4")
    again = seed("--learners", "4", "--unless-seeded")
    assert "Already seeded" in again and Cohort.objects.count() == 1
    assert printed(again, "Instructor username") == printed(first, "Instructor username")
    assert "Demo cohort (4 learners)" in sign_in(again).get("/teach/").content.decode()


def test_instructor_is_not_a_learner_and_learners_are():
    seed("--learners", "20")
    cohort = Cohort.objects.get()
    (teacher,) = cohort.instructors.all()
    assert is_instructor(teacher)
    assert not Membership.objects.filter(user=teacher).exists()
    learners = User.objects.filter(cohort_memberships__cohort=cohort)
    assert learners.count() == 20
    assert learners.filter(groups__name=LEARNER).count() == 20
    assert not any(is_instructor(u) for u in learners)


def test_stored_scores_match_the_answers():
    seed("--learners", "80", "--seed", "7")
    submitted = Attempt.objects.filter(status="submitted").annotate(
        right=Count("answers", filter=Q(answers__is_correct=True), distinct=True),
        asked=Count("questions", distinct=True),
    )
    assert submitted.count() > 60
    for attempt in submitted:
        assert attempt.correct == attempt.right
        assert attempt.counted == attempt.question_count == attempt.asked == 12


def test_answers_are_marked_against_the_version_asked():
    seed("--learners", "30")
    for answer in Answer.objects.all()[:200]:
        asked = AttemptQuestion.objects.select_related("version").get(
            attempt=answer.attempt_id, position=answer.position
        )
        assert answer.is_correct == (answer.choice_id == asked.version.answer_id)
        assert sorted(asked.order) == sorted("0123"[: len(asked.version.choices)])


def test_one_pre_per_learner_one_open_post_and_nothing_in_the_future():
    seed("--learners", "120")
    pre = Counter(Attempt.objects.filter(kind="pre").values_list("user", flat=True))
    assert max(pre.values()) == 1
    open_posts = Counter(
        Attempt.objects.filter(kind="post", status="in_progress").values_list("user", flat=True)
    )
    assert open_posts and max(open_posts.values()) == 1
    now = timezone.now()
    assert not Attempt.objects.filter(submitted_at__gt=now).exists()
    assert not SectionProgress.objects.filter(opened_at__gt=now).exists()
    for attempt in Attempt.objects.filter(status="submitted"):
        assert attempt.started_at <= attempt.submitted_at


def test_the_spread_is_realistic():
    seed("--learners", "200", "--seed", "11")
    members = Membership.objects.count()
    never_started = User.objects.filter(
        cohort_memberships__isnull=False, attempts=None, section_progress=None
    ).count()
    assert 0 < never_started < members / 4
    assert Attempt.objects.filter(kind="post", status="in_progress").exists()
    assert Attempt.objects.filter(kind="pre", status="skipped").exists()
    assert PracticeMark.objects.exists()
    assert SectionProgress.objects.filter(completed_at=None).exists()
    cutoff = timezone.now() - datetime.timedelta(days=14)
    active = set(SectionProgress.objects.values_list("user", flat=True))
    recent = set(
        SectionProgress.objects.filter(opened_at__gte=cutoff).values_list("user", flat=True)
    ) | set(Attempt.objects.filter(started_at__gte=cutoff).values_list("user", flat=True))
    assert 0 < len(active - recent) < len(active) * 0.6  # some went quiet two weeks ago
    pre, post = scores("pre"), scores("post")
    assert 20 < sum(pre) / len(pre) < 50 < sum(post) / len(post) < 90
    assert max(post) - min(post) >= 60  # a spread of abilities, not one typical learner


def scores(kind: str) -> list[float]:
    """Submitted scores as percentages."""
    rows = Attempt.objects.filter(kind=kind, status="submitted").values_list("correct", "counted")
    return [100 * c / n for c, n in rows]


def test_some_misconceptions_persist_and_some_answers_regress():
    seed("--learners", "200", "--seed", "5")
    pairs = transitions()
    persisting = sum(1 for before, after, right in pairs if before == after != right)
    regressed = sum(1 for before, after, right in pairs if before == right != after)
    assert persisting > 20
    assert 0 < regressed < persisting * 3


def transitions() -> list[tuple[str, str, str]]:
    """(pre choice, first post choice, right choice) per learner and question."""
    first_post = {}
    for a in Attempt.objects.filter(kind="post", status="submitted").order_by("submitted_at"):
        first_post.setdefault(a.user_id, a.pk)
    pre = dict(Attempt.objects.filter(kind="pre", status="submitted").values_list("user_id", "pk"))
    rows = Answer.objects.filter(attempt__in=[*pre.values(), *first_post.values()])
    chosen = {(r.attempt_id, r.position): r.choice_id for r in rows}
    keys = {
        (q.attempt_id, q.position): q.version.answer_id
        for q in AttemptQuestion.objects.filter(attempt__in=pre.values()).select_related("version")
    }
    return [
        (chosen[(pre[u], pos)], chosen[(first_post[u], pos)], right)
        for u in first_post.keys() & pre.keys()
        for (attempt, pos), right in keys.items()
        if attempt == pre[u]
    ]


def test_the_same_seed_gives_the_same_answers():
    seed("--learners", "15", "--seed", "3")
    seed("--learners", "15", "--seed", "3")
    first, second = Cohort.objects.order_by("id")
    assert answer_key(first) == answer_key(second)


def answer_key(cohort: Cohort) -> list[tuple]:
    """Every learner's choices, by learner number, kind and position."""
    rows = Answer.objects.filter(attempt__user__cohort_memberships__cohort=cohort).values_list(
        "attempt__user__first_name", "attempt__kind", "position", "choice_id"
    )
    return sorted(rows)
