"""Benchmark: the learner's chapter PDF report (query, build, render) against the 1 s budget.

A learner on a scratch SQLite database has read two sections and taken both assessments; the
PDF view is requested --runs times. Prints the median and worst time and the ratio to 1 s.

    .venv/bin/python bench/learner_pdf.py [--runs 10]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CH = "networking-security"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    os.environ.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.quiz.test_attempts import answer_tokens, start, submit_all

    call_command("migrate", verbosity=0)
    setup_test_environment()
    client = Client()
    client.force_login(User.objects.create_user("bench"))
    for section in ("hpc-networking", "network-policies"):
        client.post(f"/chapters/{CH}/{section}/complete/")
    for kind, right in (("pre", False), ("post", True)):
        public_id = start(client, kind)
        submit_all(client, public_id, answer_tokens(client, public_id, right=right))
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        response = client.get(f"/exports/report/{CH}.pdf")
        times.append(time.perf_counter() - began)
        if not response.content.startswith(b"%PDF"):
            sys.exit(f"not a PDF: HTTP {response.status_code}")
    median = statistics.median(times)
    print(f"Learner PDF report ({len(response.content) // 1024} KiB, {args.runs} runs):")
    print(f"  median {median * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms")
    print(f"  median / 1 s budget: {median:.2f}x")


if __name__ == "__main__":
    main()
