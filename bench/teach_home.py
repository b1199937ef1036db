"""Benchmark: the instructor home's figures (reports.cohort_summary) for small and large cohorts.

Builds a throw-away SQLite database with one cohort of --small and one of --large learners (each
with a pre-study and two post-study attempts and a reading row), times `summarize()` for each
and prints the milliseconds and the large/small ratio (queries are constant; time grows with rows).

    .venv/bin/python bench/teach_home.py [--small 100] [--large 5000] [--repeat 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Build, time, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ.update(
        DATABASE_URL=f"sqlite:///{db}", DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings"
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    small, large = build("s", args.small), build("l", args.large)
    chapters = chapter_titles()
    for label, cohort in (("small", small), ("large", large)):
        ms = timed(cohort, chapters, args.repeat)
        print(f"{label}: {cohort.name}: summarize p50 {ms:.1f} ms")
        if label == "small":
            base = ms
    print(f"ratio large/small: {ms / base:.1f} for {args.large / args.small:.0f}x the learners")


def chapter_titles() -> dict[str, str]:
    """The course's chapters."""
    from courses.catalog import get_course

    return {c.id: c.title for c in get_course().chapters}


def build(prefix: str, n: int):
    """A cohort of n learners with attempts, in bulk."""
    import datetime

    from django.contrib.auth.models import User
    from django.utils import timezone

    from cohorts import services
    from cohorts.models import Membership
    from courses.models import SectionProgress
    from quiz.models import Attempt

    teacher = User.objects.create_user(f"{prefix}-teacher")
    chapter = next(iter(chapter_titles()))
    cohort = services.create_cohort(instructor=teacher, name=f"{n} learners", chapter_ids=[chapter])
    users = User.objects.bulk_create([User(username=f"{prefix}{i}") for i in range(n)])
    now = timezone.now()
    past = now - datetime.timedelta(days=1)
    Membership.objects.bulk_create(
        [Membership(cohort=cohort, user=u, joined_at=past) for u in users]
    )
    attempts = []
    for i, u in enumerate(users):
        for k, (kind, correct, minutes) in enumerate(
            [("pre", i % 12, 90), ("post", (i + 4) % 13, 60), ("post", 12, 30)]
        ):
            at = now - datetime.timedelta(minutes=minutes)
            attempts.append(
                Attempt(
                    public_id=f"{prefix}{i}-{k}",
                    user=u,
                    chapter_id=chapter,
                    assessment_id=kind,
                    kind=kind,
                    status="submitted",
                    content_version="v",
                    question_count=12,
                    started_at=at,
                    submitted_at=at,
                    correct=correct,
                    counted=12,
                )
            )
    Attempt.objects.bulk_create(attempts, batch_size=2000)
    SectionProgress.objects.bulk_create(
        [
            SectionProgress(
                user=u, chapter_id=chapter, section_id="s", content_version="v", opened_at=now
            )
            for u in users
        ],
        batch_size=2000,
    )
    return cohort


def timed(cohort, chapters: dict[str, str], repeat: int) -> float:
    """Median milliseconds of summarize() over `repeat` runs."""
    from reports.cohort_summary import summarize

    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        summarize([cohort], chapters)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


if __name__ == "__main__":
    main()
