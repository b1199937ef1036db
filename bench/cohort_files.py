"""Benchmark: every cohort file of a seeded 10,000-learner cohort, through the view, end to end.

Uses the database `bench/dashboard.py --keep` leaves (/tmp/studyhall-dash-10000.sqlite3, or
--database URL): signs in as the cohort's instructor and downloads learners.csv, responses.csv,
items.csv, sections.csv and summary.json as a browser would, consuming the streamed body chunk by
chunk. Prints, per file, the time with the report computed and with it cached, the bytes, and the
peak memory Python allocated while streaming (tracemalloc; the report itself is built before).

    .venv/bin/python bench/dashboard.py --keep        # once, seeds the cohort
    .venv/bin/python bench/cohort_files.py [--database sqlite:////tmp/studyhall-dash-10000.sqlite3]
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
FILES = ("learners.csv", "responses.csv", "items.csv", "sections.csv", "summary.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sqlite:////tmp/studyhall-dash-10000.sqlite3")
    args = parser.parse_args()
    if args.database.startswith("sqlite:///") and not Path(args.database[10:]).exists():
        sys.exit(f"No seeded database at {args.database}: run bench/dashboard.py --keep first.")
    os.environ.update(
        DJANGO_DEBUG="1", DATABASE_URL=args.database, DJANGO_SETTINGS_MODULE="config.settings"
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from cohorts.models import Cohort

    settings.DEBUG = False  # no query log growing while streaming
    cohort = Cohort.objects.order_by("-pk").first()
    learners = cohort.memberships.count()
    client = Client(HTTP_HOST="localhost")
    client.force_login(cohort.instructors.first())
    print(f"cohort {cohort.name!r}: {learners} members")
    for name in FILES:
        cache.clear()
        cold, _ = fetch(client, cohort.pk, name)
        warm, size = fetch(client, cohort.pk, name)
        _, peak = fetch(client, cohort.pk, name, traced=True)
        print(
            f"  {name:14} report computed {cold:6.2f} s, cached {warm:6.2f} s, "
            f"{size / 1024:8.0f} KiB, peak {peak / 1024:7.0f} KiB while streaming"
        )


def fetch(client: object, cohort_id: int, name: str, traced: bool = False) -> tuple[float, int]:
    """Seconds for the whole download and bytes received; or, traced, the peak bytes Python
    allocated while streaming (tracemalloc slows allocation, so that run is not timed)."""
    start = time.perf_counter()
    response = client.get(f"/teach/cohorts/{cohort_id}/files/{name}")
    assert response.status_code == 200, (name, response.status_code)
    if traced:
        tracemalloc.start()
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    seconds = time.perf_counter() - start
    if traced:
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, size


if __name__ == "__main__":
    main()
