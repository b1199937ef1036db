"""Benchmark: loading the course (content/) per worker, before and after this change.

"Before" is the loader as of commit 612f4e3 (pure-Python YAML, a new Markdown converter per
text), extracted from git into a temporary folder; "after" is the working tree (libyaml's C
loader, one reused converter). Also says whether libyaml is present. Median of several loads.

    .venv/bin/python bench/content_load.py [--runs 7] [--before 612f4e3]
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMER = """
import statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from courses.content import Urls, load_course
urls = Urls(chapter=lambda c: "/c/", section=lambda c, s: "/s/", glossary=lambda c: "/g/",
            guide=lambda g: "/guide/")
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    load_course(Path(sys.argv[3]), urls=urls)
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
"""


def median_ms(source: Path, runs: int) -> float:
    """Median load time of content/ with the loader found under `source`, in a fresh process."""
    command = [sys.executable, "-c", TIMER, str(source), str(runs), str(ROOT / "content")]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", default="612f4e3")
    args = parser.parse_args()
    import yaml

    print(f"libyaml C loader available: {yaml.__with_libyaml__}")
    with tempfile.TemporaryDirectory() as old:
        archive = subprocess.run(
            ["git", "archive", args.before, "courses/content"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", old], input=archive, check=True)
        Path(old, "courses", "__init__.py").touch()
        before = median_ms(Path(old), args.runs)
    after = median_ms(ROOT, args.runs)
    verdict = "OK" if after <= before / 2 else "NOT HALVED"
    print(
        f"content load per worker: before {before:.0f} ms, after {after:.0f} ms "
        f"({after / before:.2f}x; target <= 0.50x) {verdict}"
    )
    print("loaded in config/wsgi.py as each worker starts, not on the first request")


if __name__ == "__main__":
    main()
