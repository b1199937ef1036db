"""Reading a roster CSV (email, optional name) into rows and per-line problems; pure."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

MAX_ROWS = 5_000
MAX_BYTES = 1_000_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class RosterRow:
    """One usable line of the file."""

    line: int
    """Line number in the file (1 = first line)."""
    email: str
    """Normalised (trimmed, lower-case) email."""
    name: str
    """Name, possibly empty."""


@dataclass(kw_only=True)
class ParsedRoster:
    """The rows that can be used, the lines that cannot, or one reason the whole file cannot."""

    rows: list[RosterRow] = field(default_factory=list)
    """Valid rows, in file order."""
    invalid: list[tuple[int, str]] = field(default_factory=list)
    """(line, why) for each unusable line."""
    refused: str = ""
    """Why the whole file is refused; nothing is imported when set."""


def decode(data: bytes) -> tuple[str, str]:
    """The file as text (UTF-8, BOM or not) and an error message if it is not."""
    if len(data) > MAX_BYTES:
        return "", f"The file is larger than {MAX_BYTES // 1_000_000} MB; split it up."
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        return (
            "",
            f"The file is not UTF-8 text (first bad byte at position {exc.start + 1}). "
            "Save it as 'CSV UTF-8' and try again.",
        )


def parse(text: str) -> ParsedRoster:
    """Rows from roster text: header row optional; columns email and optional name."""
    result = ParsedRoster()
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    columns, seen = (0, 1), {}
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if reader.line_num == 1 and not any("@" in c for c in cells):
                heads = [c.strip().lower() for c in cells]
                if "email" not in heads:
                    result.refused = "Line 1 looks like a header but has no 'email' column."
                    return result
                columns = (heads.index("email"), heads.index("name") if "name" in heads else -1)
                continue
            if len(result.rows) + len(result.invalid) >= MAX_ROWS:
                result.refused = f"The file has more than {MAX_ROWS:,} rows; import at most {MAX_ROWS:,} at a time."  # noqa: E501
                return result
            _add_row(result, seen, reader.line_num, cells, columns)
    except csv.Error as exc:
        result.refused = f"Line {reader.line_num}: the file is not valid CSV ({exc})."
    return result


def _add_row(
    result: ParsedRoster, seen: dict[str, int], line: int, cells: list[str], columns: tuple
) -> None:
    email_col, name_col = columns
    email = cells[email_col].strip().lower() if email_col < len(cells) else ""
    name = cells[name_col].strip() if 0 <= name_col < len(cells) else ""
    problem = _problem(email, name, seen)
    if problem:
        result.invalid.append((line, problem))
        return
    seen[email] = line
    result.rows.append(RosterRow(line=line, email=email, name=name[:150]))


def _problem(email: str, name: str, seen: dict[str, int]) -> str:
    if not email:
        return "No email."
    if email.startswith(FORMULA_STARTS) or name.startswith(FORMULA_STARTS):
        return "Looks like a spreadsheet formula, not an email and name."
    try:
        validate_email(email)
    except ValidationError:
        return "Not a valid email address."
    if email in seen:
        return f"Repeats the email of line {seen[email]}."
    return ""
