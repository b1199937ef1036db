"""Benchmark: learners.csv for 1,000 and 10,000 learners streamed; time and peak memory ratios.

Builds the report's learner rows in memory (as `cohort_report` does), then measures only what
rendering adds while the response is consumed chunk by chunk, as the server sends it. Flat
memory: the 10,000-learner peak is about the 1,000-learner peak (ratio near 1), not 10 times it.

    DJANGO_DEBUG=1 .venv/bin/python bench/cohort_csv.py
"""

import datetime
import os
import sys
import time
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django

django.setup()

from reports.cohort_files import LEARNER_COLUMNS, learner_keys, learner_records  # noqa: E402
from reports.cohort_learners import LearnerRow  # noqa: E402
from reports.csvfile import csv_lines  # noqa: E402
from reports.stats import Figure  # noqa: E402

NOW = datetime.datetime(2026, 12, 3, tzinfo=datetime.UTC)


def report(n: int) -> SimpleNamespace:
    """A cohort report's learner rows for n learners."""
    pct = Figure(value=58.333, n=12)
    rows = tuple(
        LearnerRow(
            user_id=i,
            display_name=f"Learner {i}",
            joined_at=NOW,
            status="post_done",
            sections_completed=3,
            sections_total=4,
            pre_attempt_id=i,
            pre_submitted_at=NOW,
            pre_correct=5,
            pre_pct=pct,
            post_first_attempt_id=i,
            post_first_submitted_at=NOW,
            post_first_correct=9,
            post_first_pct=pct,
            post_best_pct=pct,
            post_latest_pct=pct,
            post_attempts=1,
            gain_g=Figure(value=0.5, n=1),
            change_c=Figure(value=0.5, n=1),
            last_activity_at=NOW,
        )
        for i in range(n)
    )
    return SimpleNamespace(learners=rows, cohort_name="Bench cohort")


def measure(n: int) -> tuple[float, int, int]:
    """Seconds, peak bytes added while streaming, bytes sent."""
    data = report(n)
    keys = learner_keys(data, anonymized=True)
    tracemalloc.start()
    start = time.perf_counter()
    sent = 0
    for chunk in csv_lines(LEARNER_COLUMNS, learner_records(data, keys, anonymized=True)):
        sent += len(chunk.encode())
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, sent


def main() -> None:
    """Print time and peak memory for both sizes and their ratios."""
    small, large = measure(1_000), measure(10_000)
    for n, (seconds, peak, sent) in ((1_000, small), (10_000, large)):
        size = f"peak {peak / 1024:.0f} KiB, {sent / 1024:.0f} KiB sent"
        print(f"{n:>6} learners: {seconds:.3f} s, {size}")
    print(f"time ratio 10k/1k: {large[0] / small[0]:.1f} (linear would be 10)")
    print(f"peak memory ratio 10k/1k: {large[1] / small[1]:.2f} (flat is about 1)")


if __name__ == "__main__":
    main()
