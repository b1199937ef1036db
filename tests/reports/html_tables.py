"""Read a rendered page the way a reader does: its tables and figures, by section, as text."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    """One table cell: its whitespace-normalized text and the first link in it."""

    text: str = ""
    href: str | None = None


@dataclass
class Page:
    """Tables (rows of cells) and definition-list figures, keyed by their section's heading id."""

    tables: dict[str, list[list[list[Cell]]]] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.section = ""
        self.rows: list[list[Cell]] | None = None
        self.cell: Cell | None = None
        self.in_head = False
        self.dt: str | None = None
        self.capture: list[str] | None = None
        self.figure_key: str | None = None
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and a.get("aria-labelledby"):
            self.section = a["aria-labelledby"]
        elif tag in {"svg", "script", "style"}:
            self.skip += 1
        elif tag == "table":
            self.rows = []
            self.page.tables.setdefault(self.section, []).append(self.rows)
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.rows is not None and not self.in_head:
            self.rows.append([])
        elif tag in {"td", "th"} and self.rows is not None and not self.in_head:
            self.cell = Cell()
            self.rows[-1].append(self.cell)
        elif tag == "a" and self.cell is not None and self.cell.href is None:
            self.cell.href = a.get("href")
        elif tag == "dt":
            self.capture = []
        elif tag == "dd" and "figure-value" in (a.get("class") or "") and self.dt:
            self.capture, self.figure_key = [], self.dt

    def handle_endtag(self, tag: str) -> None:
        if tag in {"svg", "script", "style"}:
            self.skip -= 1
        elif tag == "table":
            self.rows = None
        elif tag == "thead":
            self.in_head = False
        elif tag in {"td", "th"} and self.cell is not None:
            self.cell.text = " ".join(self.cell.text.split())
            self.cell = None
        elif tag == "dt" and self.capture is not None:
            self.dt, self.capture = " ".join("".join(self.capture).split()), None
        elif tag == "dd" and self.figure_key is not None:
            self.page.figures[self.figure_key] = " ".join("".join(self.capture or []).split())
            self.capture, self.figure_key, self.dt = None, None, None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.text += data
        if self.capture is not None:
            self.capture.append(data)


def read_page(html: str) -> Page:
    """The page's tables and figures."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
