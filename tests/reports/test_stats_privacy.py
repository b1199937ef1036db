"""The small-number rule for anonymized views, and the package's purity."""

import subprocess
import sys
from pathlib import Path

from reports.stats import Figure, anonymized_allowed, suppress_small

ROOT = Path(__file__).resolve().parents[2]


def test_fewer_than_5_learners_are_not_shown_anonymized() -> None:
    assert not anonymized_allowed(4)
    assert anonymized_allowed(5)
    hidden = suppress_small(Figure(value=0.5, n=4))
    assert hidden.value is None and hidden.n == 4
    assert "fewer than 5" in hidden.reason
    shown = Figure(value=0.5, n=5)
    assert suppress_small(shown) is shown


def test_the_statistics_import_no_django() -> None:
    code = "import sys, reports.stats; print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
