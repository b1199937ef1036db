"""Benchmark: the cohort PDF and the zip of every learner's PDF, as the worker builds them.

Seeds a demo cohort (`seed_cohort`, --learners, default 200 as `make demo`) in a scratch SQLite
database and runs both export jobs the way the task worker does (`exports.run_job`), printing
each one's time, size, time per learner for the zip, and the peak memory Python allocated while
building the zip (tracemalloc, in a separate untimed run): it should not grow with the cohort.

    .venv/bin/python bench/cohort_pdfs.py [--learners 200]
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="cohort-pdf-bench-"))
    os.environ.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings",
        STUDYHALL_MEDIA_ROOT=str(scratch / "media"),
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from cohorts.seeding import seed_cohort
    from reports import exports
    from reports.models import ExportJob, ExportKind

    call_command("migrate", verbosity=0)
    seeded = seed_cohort(learners=args.learners, seed=2)
    cohort = seeded.cohort
    user = cohort.instructors.get()

    def job(kind: str) -> ExportJob:
        return ExportJob.objects.create(
            public_id=f"bench-{ExportJob.objects.count()}",
            user=user,
            kind=kind,
            subject=f"{cohort.pk}:{cohort.chapter_ids[0]}",
            created_at=timezone.now(),
        )

    print(f"cohort of {args.learners} learners")
    for kind in (ExportKind.COHORT_PDF, ExportKind.COHORT_LEARNER_PDFS):
        built = job(kind)
        began = time.perf_counter()
        exports.run_job(built.pk)
        seconds = time.perf_counter() - began
        built.refresh_from_db()
        size = built.file.size
        per = f", {seconds / args.learners * 1000:.0f} ms per learner" if "learner" in kind else ""
        print(f"  {kind.label}: {seconds:.2f} s, {size / 1024:.0f} KiB{per}")
    traced = job(ExportKind.COHORT_LEARNER_PDFS)
    tracemalloc.start()
    exports.run_job(traced.pk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  zip: peak {peak / 1024 / 1024:.1f} MiB allocated while building (untimed run)")


if __name__ == "__main__":
    main()
