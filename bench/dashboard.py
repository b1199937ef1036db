"""Benchmark: the cohort overview's server work for one cohort of 10,000 simulated learners.

Seeds a throw-away database with `seed_cohort`'s simulated learners (most with both assessments),
then times, in process: `reports.cohort.cohort_report(cohort, now=...)` (target p50 < 300 ms), the
whole overview page with the report computed (cache cleared) and cached (a reload or a second
instructor), the page right after new activity (the last report served while the worker computes
the new one, reports/cohort_cache.py), and an unchanged htmx poll answered 304 from the ETag
(target < 10 ms); with their query counts, and the ratio against Kolibri's class summary
(41 ms for 50 learners). Runs on a temporary SQLite file, and also on PostgreSQL when
DATABASE_URL is given (a temporary database created beside it and dropped after).

    .venv/bin/python bench/dashboard.py [--learners 10000] [--repeat 9] [--profile] [--keep]

`--keep` seeds once and keeps the databases between runs (SQLite: /tmp/studyhall-dash-N.sqlite3;
PostgreSQL: studyhall_bench_keep_N), reusing them when they already hold the seeded cohort.
"""

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KOLIBRI_MS, KOLIBRI_LEARNERS = 41.0, 50
TARGETS = {
    "cohort_report": 300.0,
    "page, report computed": 300.0,
    "page, report cached": 300.0,
    "page after new activity": 300.0,
    "unchanged poll (304)": 10.0,
}


def main() -> None:
    """Run the benchmark on SQLite, then on PostgreSQL when DATABASE_URL names one."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--profile", action="store_true", help="Print cProfile's top functions.")
    parser.add_argument("--keep", action="store_true", help="Keep and reuse the seeded databases.")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return measure(args)
    kept = Path(tempfile.gettempdir()) / f"studyhall-dash-{args.learners}.sqlite3"
    fresh = Path(tempfile.mkdtemp(prefix="studyhall-dash-")) / "bench.sqlite3"
    urls = [f"sqlite:///{kept if args.keep else fresh}"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        urls.append(os.environ["DATABASE_URL"])
    ok = True
    for url in urls:
        child = [
            sys.executable,
            __file__,
            "--child",
            url,
            "--learners",
            str(args.learners),
            "--repeat",
            str(args.repeat),
            *(["--profile"] if args.profile else []),
            *(["--keep"] if args.keep else []),
        ]
        ok &= subprocess.run(child, cwd=ROOT, check=False).returncode == 0
    sys.exit(0 if ok else 1)


def measure(args: argparse.Namespace) -> None:
    """In a child process: set up Django on the given database, seed, time, print."""
    os.environ.update(
        DATABASE_URL=args.child,
        DJANGO_DEBUG="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECRET_KEY="bench-only-" + "d" * 50,
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_LOG_LEVEL="ERROR",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    # Unhashed static URLs: the page renders without a collectstatic run (as in the tests).
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}

    postgres = connection.vendor == "postgresql"
    if postgres:  # a throw-away (or kept) database beside the given one
        name = (
            f"studyhall_bench_keep_{args.learners}"
            if args.keep
            else f"studyhall_bench_{os.getpid()}"
        )
        connection.settings_dict["TEST"]["NAME"] = name
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=args.keep, serialize=False
        )
    try:
        run(args, connection.vendor)
    finally:
        if args.keep:
            connection.close()
        elif postgres:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
        else:
            connection.close()
            Path(args.child.removeprefix("sqlite:///")).unlink(missing_ok=True)


def run(args: argparse.Namespace, vendor: str) -> None:
    """Seed, then time the report, the page and the unchanged poll."""
    from django.core.management import call_command
    from django.utils import timezone

    from cohorts.seeding import seed_cohort

    if vendor == "sqlite":
        call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seeded = reuse(args.learners) if args.keep else None
    if seeded is None:
        seeded = seed_cohort(learners=args.learners, seed=1)
        print(
            f"== {vendor}: {args.learners} learners seeded in {time.perf_counter() - started:.1f} s"
        )
    else:
        print(f"== {vendor}: reusing the kept cohort of {args.learners} learners")
    from reports.cohort import cohort_report

    now = timezone.now()
    report = cohort_report(seeded.cohort, now=now)
    h = report.header
    print(
        f"   enrolled {getattr(h, 'enrolled', '?')}, matched {getattr(h, 'matched', '?')}, "
        f"{len(report.items)} items, {len(report.learners)} learner rows"
    )
    results = {"cohort_report": timed(lambda: cohort_report(seeded.cohort, now=now), args.repeat)}
    client, path = signed_in(seeded)
    logging.disable(logging.CRITICAL)  # a failing page is reported in one line below
    from django.core.cache import cache

    def cold() -> None:
        cache.clear()  # as after a change: the report is computed again
        ok(client.get(path), 200)

    try:
        results["page, report computed"] = timed(cold, args.repeat)
        results["page, report cached"] = timed(lambda: ok(client.get(path), 200), args.repeat)
        results["page after new activity"] = timed(
            lambda: after_activity(seeded, client, path), args.repeat
        )
    except Exception as error:  # the page may be work in progress on another branch
        print(f"   overview page: not measured, it fails: {type(error).__name__}: {error}")
    poll = {"HX-Request": "true", "If-None-Match": poll_etag(client, path, seeded)}
    results["unchanged poll (304)"] = timed(
        lambda: ok(client.get(path, headers=poll), 304), args.repeat * 3
    )
    for name, (runs, queries) in results.items():
        show(name, runs, queries, args.learners)
    if args.profile:
        profile(lambda: cohort_report(seeded.cohort, now=now))


def after_activity(seeded: object, client: object, path: str) -> None:
    """A learner's write bumps the stamp: the last report is served, a refresh is queued."""
    from django.core.cache import cache

    from cohorts.activity import touch

    touch(cohort_id=seeded.cohort.pk)
    for chapter_id in seeded.cohort.chapter_ids:
        cache.delete(f"cohort-report-refresh:{seeded.cohort.pk}:{chapter_id}")
    ok(client.get(path), 200)


def reuse(learners: int) -> object | None:
    """The cohort a previous `--keep` run seeded, or None."""
    from cohorts.models import Cohort
    from cohorts.seeding import DEMO_PREFIX, Seeded

    cohort = Cohort.objects.filter(name=f"{DEMO_PREFIX} ({learners} learners)").first()
    if cohort is None:
        return None
    return Seeded(cohort=cohort, username=cohort.instructors.first().username, password="")


def signed_in(seeded: object) -> tuple[object, str]:
    """A test client signed in as the seeded instructor, and the overview's path."""
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(username=seeded.username))
    return client, reverse("cohorts:overview", args=[seeded.cohort.pk])


def poll_etag(client: object, path: str, seeded: object) -> str:
    """The ETag an htmx poll of the overview gets, computed as the view computes it."""
    from django.contrib.auth.models import User
    from django.test import RequestFactory
    from django.utils.http import quote_etag

    from cohorts.dashboard_views import _etag

    request = RequestFactory(HTTP_HOST="localhost").get(path, headers={"HX-Request": "true"})
    request.user = User.objects.get(username=seeded.username)
    return quote_etag(_etag(request, seeded.cohort.pk))


def ok(response: object, status: int) -> None:
    """Fail loudly on an unexpected status."""
    assert response.status_code == status, (response.status_code, status)


def timed(work: object, repeat: int) -> tuple[list[float], int]:
    """Milliseconds of each run after one warm-up, and the queries of that warm-up."""
    from django.db import connection

    count = [0]

    def counter(execute: object, sql: str, params: object, many: bool, context: object) -> object:
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        work()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append((time.perf_counter() - start) * 1000)
    return runs, count[0]


def show(name: str, runs: list[float], queries: int, learners: int) -> None:
    """One line: p50, p95, queries, target verdict and the Kolibri ratio."""
    p50 = statistics.median(runs)
    p95 = statistics.quantiles(runs, n=20)[-1] if len(runs) > 1 else p50
    target = TARGETS.get(name)
    verdict = "" if target is None else (" OK" if p50 < target else " ABOVE TARGET")
    goal = f" (target < {target:.0f} ms){verdict}" if target else ""
    per = (p50 / learners) / (KOLIBRI_MS / KOLIBRI_LEARNERS)
    print(
        f"   {name:<22} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  {queries:2d} queries{goal}; "
        f"{p50 / KOLIBRI_MS:.2f}x Kolibri's 50-learner time, {per:.3f}x per learner"
    )


def profile(work: object) -> None:
    """The top of cProfile's cumulative listing for one run."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(work)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)


if __name__ == "__main__":
    main()
