"""Validated diagram fields into the placed, frozen dataclasses that the template prints."""

from . import diagram_layout as layout
from .model import DiagramConnection, DiagramPart, DiagramStep, DiagramTravel

TAG_WIDTH = 150
WORDS_PER_SECOND = 4.0


def rect(p: dict) -> layout.Rect:
    """A part's rectangle: x, y, width, height."""
    return (p["x"], p["y"], p["w"], p["h"])


def _timing(ident: str, steps: list[dict]) -> tuple[int, tuple[int, ...]]:
    appears = next((n for n, s in enumerate(steps, 1) if ident in {i for i, _ in s["show"]}), 1)
    lit = tuple(n for n, s in enumerate(steps, 1) if ident in {i for i, _ in s["highlight"]})
    return appears, lit


def build_part(p: dict, steps: list[dict], by_id: dict) -> DiagramPart:
    """A part with its text placed and the steps it appears and is highlighted at."""
    appears, lit = _timing(p["id"], steps)
    parent = by_id.get(p.get("parent", ""))
    if parent:  # a part never shows before the zone or lane around it
        appears = max(appears, _timing(parent["id"], steps)[0])
    sub, align = p.get("sublabel", ""), p.get("align", "")
    lines = layout.place_text(p["kind"], p["label"], sub, rect(p), align)
    return DiagramPart(
        id=p["id"], kind=p["kind"], label=p["label"], sublabel=p.get("sublabel", ""),
        tone=p.get("tone", "neutral"), x=p["x"], y=p["y"], w=p["w"], h=p["h"],
        parent=p.get("parent", ""), appears=appears, highlights=lit, lines=tuple(lines),
    )


def build_link(c: dict, steps: list[dict], by_id: dict) -> DiagramConnection:
    """A connection with its end points, arrowhead or stop cross, and label placed."""
    stop = by_id.get(c.get("stop_at", ""))
    ends = rect(by_id[c["from"]]), rect(by_id[c["to"]])
    g = layout.connect(*ends, c["kind"], stop and rect(stop))
    tag, lines = (0.0, 0.0, 0.0, 0.0), []
    if c.get("label"):
        dx, dy = c["label_offset"]
        at = (g["mid"][0] + dx, g["mid"][1] + dy)
        text, width = layout.GLYPHS[c["kind"]] + c["label"], c.get("label_width", TAG_WIDTH)
        tag, lines = layout.place_tag(text, at, width)
    appears, lit = _timing(c["id"], steps)
    (x1, y1), (x2, y2) = g["start"], g["end"]
    return DiagramConnection(
        id=c["id"], source=c["from"], target=c["to"], kind=c["kind"], label=c.get("label", ""),
        x1=round(x1, 1), y1=round(y1, 1), x2=round(x2, 1), y2=round(y2, 1), head=g["head"],
        cross=g["cross"], tag=tag, label_lines=tuple(lines), appears=appears, highlights=lit,
    )


def build_step(s: dict) -> DiagramStep:
    """A step; Play stays on it long enough to read the caption and see the packets arrive."""
    travel = tuple(
        DiagramTravel(along=tuple(i for i, _ in t["along"]), ms=t["ms"]) for t in s["travel"]
    )
    reading = int(len(s["caption"].split()) / WORDS_PER_SECOND * 1000) + 1500
    longest = max((t.ms for t in travel), default=0)
    ms = s.get("ms") or min(12_000, max(3_500, reading, longest + 1_500))
    return DiagramStep(
        caption=s["caption"], show=tuple(i for i, _ in s["show"]),
        highlight=tuple(i for i, _ in s["highlight"]), travel=travel, ms=ms,
    )
