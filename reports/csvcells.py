"""CSV cell guards: text that a spreadsheet would run as a formula gets a leading apostrophe."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """Prefix an apostrophe when the text starts with = + - @ tab or CR (formula injection)."""
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
