"""CSV as the house writes it: UTF-8 with BOM, plain cells, guarded text, streamable."""

import csv
from collections.abc import Iterable, Iterator
from io import StringIO

from .csvcells import guard_formula

BOM = "\ufeff"


def cell(value: object) -> str | int | float:
    """A plain cell: empty for None, 0/1 for booleans, numbers as numbers, text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    return guard_formula(str(value))


def csv_lines(header: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """The BOM and header, then one encoded line per row (missing keys are empty cells)."""
    buffer = StringIO()
    writer = csv.writer(buffer)

    def line(values: list) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield BOM + line(header)
    for row in rows:
        yield line([cell(row.get(key)) for key in header])


def csv_text(header: list[str], rows: Iterable[dict]) -> str:
    """The whole file as one string."""
    return "".join(csv_lines(header, rows))


def chunked(lines: Iterable[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """Lines gathered into UTF-8 chunks of about `size` bytes: one write per chunk, not per row."""
    parts: list[str] = []
    length = 0
    for text in lines:
        parts.append(text)
        length += len(text)
        if length >= size:
            yield "".join(parts).encode()
            parts, length = [], 0
    if parts:
        yield "".join(parts).encode()
