"""Formula-injection guard for CSV text cells."""

import pytest

from reports.csvcells import guard_formula


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
    ],
)
def test_formula_starts_get_an_apostrophe(text: str, guarded: str) -> None:
    assert guard_formula(text) == guarded


@pytest.mark.parametrize("text", ["", "Ada Lovelace", "a=b", " =1", "'already", "1-2", "ünïcode"])
def test_plain_text_is_left_alone(text: str) -> None:
    assert guard_formula(text) == text
