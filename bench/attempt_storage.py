"""Attempt storage and assessment-state cost: bytes per submitted attempt, overview at 1 vs 200.

Creates learners on a fresh SQLite file, then --attempts submitted attempts of 12 questions
(one pre-study and the rest post-study per learner), VACUUMs, and prints the bytes they added
(page count x page size, and per table and index from dbstat). Then times the post-study
overview page for a learner with 1 and with 200 submitted attempts, and prints the ratio.
"""

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CH = "networking-security"


def setup(db: Path) -> None:
    """Django on a fresh SQLite file, migrated, with plain static storage."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-" + "s" * 50,
            "DATABASE_URL": f"sqlite:///{db}",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
    )
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sizes(db: Path) -> tuple[int, dict[str, int]]:
    """File bytes after VACUUM, and bytes per table or index."""
    from django.db import connection

    connection.close()
    with sqlite3.connect(db) as raw:
        raw.execute("VACUUM")
        pages, size = (
            raw.execute("PRAGMA page_count").fetchone()[0],
            raw.execute("PRAGMA page_size").fetchone()[0],
        )
        per = dict(raw.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    return pages * size, per


def sit(user: object, kind: str) -> None:
    """One submitted attempt with random answers to every question."""
    from django.contrib.sessions.backends.db import SessionStore

    from courses.catalog import get_course
    from quiz import attempts, pages

    chapter = get_course().chapter(CH)
    assessment = next(a for a in chapter.assessments if a.kind == kind)
    attempt = attempts.start_attempt(
        user=user,
        session=SessionStore(),
        chapter=chapter,
        assessment=assessment,
        content_version="bench",
    )
    questions = pages.questions(attempt)
    chosen = [(q, random.choice(q.choices)) for q in questions]
    attempts.save_all(
        attempt=attempt,
        questions=questions,
        chosen=chosen,
        submit=True,
        confirmed=True,
        current_ids={q.id for q in chapter.questions},
    )


def storage(db: Path, count: int) -> None:
    """Bytes per submitted attempt."""
    from django.contrib.auth.models import User

    learners = [User.objects.create_user(f"s{n}", password=None) for n in range(count // 3 + 1)]
    before, per_before = sizes(db)
    for n in range(count):
        sit(learners[n // 3], "pre" if n % 3 == 0 else "post")
    after, per_after = sizes(db)
    print(f"submitted attempts: {count} of 12 questions on SQLite (after VACUUM)")
    print(f"bytes per attempt: {(after - before) / count:.0f} (target <= 2048)")
    for name in sorted(per_after, key=lambda n: per_before.get(n, 0) - per_after[n]):
        grew = per_after[name] - per_before.get(name, 0)
        if grew > 0 and (name.startswith("quiz") or "attempt" in name or "answer" in name):
            print(f"  {name}: {grew / count:.0f} B/attempt")


def overview(rounds: int) -> None:
    """Post-study overview time at 1 and at 200 submitted attempts (alternating, warmed up)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    url = f"/quiz/chapters/{CH}/assessments/post/"
    clients = {}
    for made in (1, 200):
        user = User.objects.create_user(f"o{made}", password=None)
        sit(user, "pre")
        for _ in range(made):
            sit(user, "post")
        clients[made] = Client(HTTP_HOST="127.0.0.1")
        clients[made].force_login(user)
        for _ in range(20):
            assert clients[made].get(url).status_code == 200
    counted = []
    with connection.execute_wrapper(lambda run, sql, *rest: counted.append(sql) or run(sql, *rest)):
        queries = {}
        for made, client in clients.items():
            counted.clear()
            client.get(url)
            queries[made] = len(counted)
    spent = dict.fromkeys(clients, 0.0)
    for _ in range(rounds):
        for made, client in clients.items():
            start = time.perf_counter()
            client.get(url)
            spent[made] += time.perf_counter() - start
    for made in clients:
        print(
            f"post-study overview, {made} attempts: {spent[made] / rounds * 1000:.2f} ms, "
            f"{queries[made]} queries"
        )
    print(f"ratio 200 / 1 attempts: {spent[200] / spent[1]:.2f}x (O(1): about 1.0)")


def main() -> None:
    """Run both measurements on a fresh database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp(prefix="studyhall-storage-")) / "bench.sqlite3"
    setup(db)
    storage(db, args.attempts)
    overview(args.rounds)


if __name__ == "__main__":
    main()
