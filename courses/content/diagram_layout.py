"""Diagram geometry: wrapped and placed text, connection end points, arrowheads, stop crosses."""

import math

from .model import DiagramText

# Font sizes in canvas units, matching `.dg-t-<role>` in site.css.
SIZES = {"title": 13.0, "head": 13.0, "sub": 12.0, "tag": 11.5}
BOLD = {"title", "head", "tag"}
LEADING = 1.25
PAD = 8.0
PAD_X = 6.0
GAP = 3.0
GLYPHS = {"allowed": "✓ ", "blocked": "✗ ", "path": ""}
# Character widths in em, measured on DejaVu Sans, the widest common system-ui font, so text
# that fits here fits elsewhere too: (characters, width) classes, then the width of the rest.
WIDTHS = {
    False: ((" ',-./:;IJ\\fijl|·", 0.32), ("!\"()*?FL[]_`cekorstz\u2013", 0.49),
            ("#&+<=>DGHNOQU^w~✓✗\u00d7", 0.81), ("%@MWm—", 0.96), ("", 0.64)),
    True: ((" '/IJ\\ijl|", 0.35), ("!\"()*,-.:;[]_`frt\u2013·", 0.46),
           ("$0123456789?EFLTacekosvxyz", 0.67), ("%&@MWmw—", 0.99), ("", 0.78)),
}

Rect = tuple[float, float, float, float]
Point = tuple[float, float]


def text_width(text: str, role: str) -> float:
    """Estimated width of a line of text, in canvas units."""
    classes = WIDTHS[role in BOLD]
    em = sum(next(w for chars, w in classes if ch in chars or not chars) for ch in text)
    return em * SIZES[role]


def wrap(text: str, width: float, role: str) -> list[str]:
    """Split text at spaces into lines that fit `width` (a long word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, role) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [""]


def _block(rows: list[tuple[str, str]], x: float, top: float, anchor: str) -> list[DiagramText]:
    out, y = [], top
    for text, role in rows:
        size = SIZES[role]
        out.append(DiagramText(text=text, x=round(x, 1), y=round(y + size * 0.95, 1),
                               anchor=anchor, role=role))
        y += size * LEADING
    return out


def _height(rows: list[tuple[str, str]]) -> float:
    return sum(SIZES[role] * LEADING for _, role in rows)


def part_rows(kind: str, label: str, sublabel: str, w: float) -> list[tuple[str, str]]:
    """The lines of a part's text with their roles."""
    main = {"zone": "head", "lane": "head", "marker": "tag"}.get(kind, "title")
    inner = w - 2 * PAD_X
    rows = [(line, main) for line in wrap(label, inner, main)]
    if sublabel:
        rows += [(line, "sub") for line in wrap(sublabel, inner, "sub")]
    return rows


def needed_height(kind: str, label: str, sublabel: str, w: float) -> float:
    """Height a part needs for its text (zones and lanes only need room for their heading)."""
    return _height(part_rows(kind, label, sublabel, w)) + {"marker": 4, "label": 2}.get(kind, PAD)


def place_text(kind: str, label: str, sublabel: str, rect: Rect, align: str) -> list[DiagramText]:
    """Lines for a part: headings at the top of zones and lanes, otherwise centred."""
    x, y, w, h = rect
    rows = part_rows(kind, label, sublabel, w)
    anchor = "start" if align == "start" or (kind == "zone" and align != "middle") else "middle"
    tx = x + PAD_X + 2 if anchor == "start" else x + w / 2
    if kind in ("zone", "lane"):
        return _block(rows, tx, y + PAD / 2, anchor)
    return _block(rows, tx, y + (h - _height(rows)) / 2, anchor)


def _exit(rect: Rect, centre: Point, d: Point) -> float:
    """Parameter at which the ray centre + t*d leaves the rectangle."""
    _, _, w, h = rect
    tx = (w / 2) / abs(d[0]) if d[0] else math.inf
    ty = (h / 2) / abs(d[1]) if d[1] else math.inf
    return min(tx, ty)


def centre(rect: Rect) -> Point:
    """Middle of a rectangle."""
    x, y, w, h = rect
    return x + w / 2, y + h / 2


def crossing(rect: Rect, a: Point, b: Point) -> float | None:
    """First parameter t in (0, 1) at which segment a-b crosses the rectangle's edge."""
    x, y, w, h = rect
    found = []
    for axis, lo, hi in ((0, x, x + w), (1, y, y + h)):
        span = b[axis] - a[axis]
        for edge in (lo, hi) if span else ():
            t = (edge - a[axis]) / span
            other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
            (olo, ohi) = (y, y + h) if axis == 0 else (x, x + w)
            if 0 < t < 1 and olo - 0.01 <= other <= ohi + 0.01:
                found.append(t)
    return min(found) if found else None


def _r(v: float) -> float:
    return round(v, 1)


def connect(src: Rect, dst: Rect, kind: str, stop: Rect | None) -> dict:
    """End points, arrowhead and stop cross of a straight connection between two parts."""
    c1, c2 = centre(src), centre(dst)
    d = (c2[0] - c1[0], c2[1] - c1[1])
    length = math.hypot(*d) or 1.0
    u = (d[0] / length, d[1] / length)
    t1, t2 = _exit(src, c1, d), _exit(dst, c2, (-d[0], -d[1]))
    p1 = (c1[0] + d[0] * t1 + u[0] * GAP, c1[1] + d[1] * t1 + u[1] * GAP)
    p2 = (c2[0] - d[0] * t2 - u[0] * GAP, c2[1] - d[1] * t2 - u[1] * GAP)
    n = (-u[1], u[0])
    if kind == "blocked":
        t = crossing(stop, p1, c2) if stop else None  # towards the target's centre
        m = (p1[0] + (c2[0] - p1[0]) * t, p1[1] + (c2[1] - p1[1]) * t) if t else _mid(p1, p2)
        r, k = 9.0, 4.0
        ring = f"M{_r(m[0] - r)} {_r(m[1])}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"
        cross = (f"M{_r(m[0] - k)} {_r(m[1] - k)}L{_r(m[0] + k)} {_r(m[1] + k)}"
                 f"M{_r(m[0] + k)} {_r(m[1] - k)}L{_r(m[0] - k)} {_r(m[1] + k)}")
        end = (m[0] - u[0] * r, m[1] - u[1] * r)
        return {"start": p1, "end": end, "mid": _mid(p1, m), "head": "", "cross": ring + cross}
    tip, back = p2, (p2[0] - u[0] * 9, p2[1] - u[1] * 9)
    head = " ".join(
        f"{_r(px)},{_r(py)}"
        for px, py in (tip, (back[0] + n[0] * 5, back[1] + n[1] * 5),
                       (back[0] - n[0] * 5, back[1] - n[1] * 5))
    )
    end = (p2[0] - u[0] * 6, p2[1] - u[1] * 6)
    return {"start": p1, "end": end, "mid": _mid(p1, end), "head": head, "cross": ""}


def stops(src: Rect, dst: Rect, stop: Rect) -> bool:
    """Does the line from `src` towards `dst` cross the edge of `stop`?"""
    start = connect(src, dst, "path", None)["start"]
    return crossing(stop, start, centre(dst)) is not None


def _mid(a: Point, b: Point) -> Point:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def place_tag(text: str, at: Point, width: float) -> tuple[tuple, list[DiagramText]]:
    """A connection label centred on a point, with its background rectangle."""
    lines = wrap(text, width, "tag")
    w = max(text_width(line, "tag") for line in lines) + PAD
    h = len(lines) * SIZES["tag"] * LEADING + 4
    x, y = at[0] - w / 2, at[1] - h / 2
    placed = _block([(line, "tag") for line in lines], at[0], y + 2, "middle")
    return (_r(x), _r(y), _r(w), _r(h)), placed
