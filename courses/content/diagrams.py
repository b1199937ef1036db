"""A chapter's `diagrams/*.yaml`: parts, connections and steps, read and validated."""

from pathlib import Path

from . import diagram_layout as layout
from .diagram_build import build_link, build_part, build_step, rect
from .fields import FileReader, Id
from .files import read_yaml
from .model import Diagram
from .problems import Problem
from .yamlio import LineDict

PART_KINDS = ("box", "zone", "lane", "label", "marker")
CONTAINERS = ("zone", "lane")
TONES = ("neutral", "ok", "bad", "accent")
ALIGNS = ("middle", "start")
LINK_KINDS = ("path", "allowed", "blocked")


def load_diagrams(folder: Path, root: Path, problems: list[Problem]) -> dict[str, Diagram]:
    """Every `diagrams/*.yaml` of a chapter, by id."""
    diagrams: dict[str, Diagram] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        data, source = read_yaml(path, root, problems)
        if source is None or data is None:
            continue
        r = FileReader(source.shown, problems)
        diagram = _diagram(r, data)
        if diagram and diagram.id in diagrams:
            r.error(data.line_of("id"), f"duplicate diagram id '{diagram.id}'")
        elif diagram:
            diagrams[diagram.id] = diagram
    return diagrams


def _diagram(r: FileReader, data: object) -> Diagram | None:
    """The diagram; when its file has problems, only a stand-in that stops cascading errors."""
    before = len(r.problems)
    f = r.fields(
        data, 1, "diagram",
        required={"id": Id, "title": str, "summary": str, "width": int, "height": int,
                  "parts": list, "steps": list},
        optional={"scale_note": str, "connections": list},
    )
    canvas = (f.get("width", 0), f.get("height", 0))
    for key in ("width", "height"):
        if f.get(key, 1) <= 0:
            r.error(data.line_of(key), f"'{key}' in diagram must be more than 0")
    parts = _read(r, f, "parts", _part)
    links = _read(r, f, "connections", _link)
    r.unique([(p["id"], p["line"]) for p in parts + links], "id")
    by_id = {p["id"]: p for p in parts}
    # Ids as written, complete or not, so one bad field does not cascade into "unknown" errors.
    written = {"parts": _written(f, "parts"), "connections": _written(f, "connections")}
    for p in parts:
        _check_part(r, p, by_id, canvas)
    for c in links:
        _check_link(r, c, by_id, written["parts"])
    steps = _read(r, f, "steps", _step)
    if not steps and "steps" in f:
        r.error(data.line_of("steps"), "a diagram needs at least one step")
    _check_steps(r, steps, written, {c["id"]: c for c in links})
    if "id" not in f:
        return None
    ok = len(r.problems) == before
    return Diagram(
        id=f["id"], title=f.get("title", ""), summary=f.get("summary", ""),
        scale_note=f.get("scale_note", ""), width=canvas[0], height=canvas[1],
        parts=tuple(build_part(p, steps, by_id) for p in parts) if ok else (),
        connections=tuple(build_link(c, steps, by_id) for c in links) if ok else (),
        steps=tuple(build_step(s) for s in steps),
    )


def _written(f: dict, key: str) -> set:
    return {item.get("id") for item in f.get(key, []) if isinstance(item, dict)}


def _read(r: FileReader, f: dict, key: str, read) -> list[dict]:
    return [x for item, line in r.items(f, key, dict, "diagram") if (x := read(r, item, line))]


def _part(r: FileReader, item: LineDict, line: int) -> dict | None:
    f = r.fields(
        item, line, "part",
        required={"id": Id, "kind": str, "label": str, "x": int, "y": int, "w": int, "h": int},
        optional={"sublabel": str, "parent": Id, "tone": str, "align": str},
    )
    for key, allowed in (("kind", PART_KINDS), ("tone", TONES), ("align", ALIGNS)):
        _one_of(r, item, f, key, allowed)
    if not {"id", "kind", "label", "x", "y", "w", "h"} <= f.keys():
        return None
    return {**f, "line": line, "item": item}


def _one_of(r: FileReader, item: LineDict, f: dict, key: str, allowed: tuple) -> None:
    if key in f and f[key] not in allowed:
        r.error(item.line_of(key), f"{key} must be one of {', '.join(allowed)}, not '{f[key]}'")
        f.pop(key)


def _check_part(r: FileReader, p: dict, by_id: dict, canvas: tuple[int, int]) -> None:
    x, y, w, h = p["x"], p["y"], p["w"], p["h"]
    if w <= 0 or h <= 0:
        r.error(p["line"], f"part '{p['id']}' needs a width and height above 0")
        return
    if x < 0 or y < 0 or x + w > canvas[0] or y + h > canvas[1]:
        r.error(p["line"], f"part '{p['id']}' goes past the canvas ({canvas[0]} x {canvas[1]})")
    parent = by_id.get(p.get("parent", ""))
    if "parent" in p and parent is None:
        r.error(p["item"].line_of("parent"), f"part '{p['id']}' has unknown parent '{p['parent']}'")
    elif parent and parent["kind"] not in CONTAINERS:
        r.error(p["item"].line_of("parent"), f"parent '{parent['id']}' is not a zone or lane")
    elif parent and not _inside((x, y, w, h), rect(parent)):
        r.error(p["line"], f"part '{p['id']}' is not inside its parent '{parent['id']}'")


def _link(r: FileReader, item: LineDict, line: int) -> dict | None:
    f = r.fields(
        item, line, "connection",
        required={"id": Id, "from": Id, "to": Id},
        optional={"kind": str, "label": str, "label_width": int, "label_offset": list,
                  "stop_at": Id},
    )
    _one_of(r, item, f, "kind", LINK_KINDS)
    offset = [v for v, _ in r.items(f, "label_offset", int, "connection")]
    if "label_offset" in f and len(offset) != 2:
        r.error(item.line_of("label_offset"), "label_offset must be two whole numbers: [dx, dy]")
    f["label_offset"] = offset if len(offset) == 2 else [0, 0]
    if not {"id", "from", "to"} <= f.keys():
        return None
    return {"kind": "path", **f, "line": line, "item": item}


def _check_link(r: FileReader, c: dict, by_id: dict, written: set) -> None:
    at, name = c["item"].line_of, c["id"]
    for key in ("from", "to", "stop_at"):
        if key in c and c[key] not in written:
            r.error(at(key), f"connection '{name}' refers to unknown part '{c[key]}'")
    if c["from"] == c["to"]:
        r.error(c["line"], f"connection '{name}' starts and ends at the same part")
    if "stop_at" in c and c["kind"] != "blocked":
        r.error(at("stop_at"), "only a blocked connection has 'stop_at'")
    elif {c.get("stop_at"), c["from"], c["to"]} <= by_id.keys():
        rects = (rect(by_id[c[key]]) for key in ("from", "to", "stop_at"))
        if not layout.stops(*rects):
            edge = c["stop_at"]
            r.error(at("stop_at"), f"connection '{name}' never crosses the edge of '{edge}'")


def _step(r: FileReader, item: LineDict, line: int) -> dict | None:
    f = r.fields(
        item, line, "diagram step",
        required={"caption": str},
        optional={"show": list, "highlight": list, "travel": list, "ms": int},
    )
    for key in ("show", "highlight"):
        f[key] = r.items(f, key, Id, "diagram step")
    trips = []
    for trip, trip_line in r.items(f, "travel", dict, "diagram step"):
        t = r.fields(trip, trip_line, "travel", required={"along": list, "ms": int})
        along = r.items(t, "along", Id, "travel")
        if "ms" in t and t["ms"] <= 0:
            r.error(trip.line_of("ms"), "'ms' in travel must be more than 0")
        if along and "ms" in t:
            trips.append({"along": along, "ms": t["ms"], "line": trip_line})
    f["travel"] = trips
    if "caption" not in f:
        return None
    return {**f, "line": line}


def _check_steps(r: FileReader, steps: list[dict], written: dict, links: dict) -> None:
    named = written["parts"] | written["connections"]
    shown: dict[str, int] = {}
    for number, s in enumerate(steps, 1):
        for key in ("show", "highlight"):
            for ident, line in s[key]:
                if ident not in named:
                    r.error(line, f"step {number} refers to unknown part or connection '{ident}'")
                elif key == "show" and ident in shown:
                    r.error(line, f"'{ident}' is already shown at step {shown[ident]}")
                elif key == "show":
                    shown[ident] = number
    for number, s in enumerate(steps, 1):
        for trip in s["travel"]:
            _check_trip(r, number, trip, (links, written["connections"]), shown)


def _check_trip(r: FileReader, number: int, trip: dict, links: tuple, shown: dict) -> None:
    complete, written = links
    previous = None
    for ident, line in trip["along"]:
        link = complete.get(ident)
        if ident not in written:
            r.error(line, f"step {number} sends a packet along unknown connection '{ident}'")
        elif shown.get(ident, 1) > number:
            r.error(line, f"step {number} sends a packet along '{ident}' before it is shown")
        elif link and previous and link["from"] != previous["to"]:
            r.error(line, f"connection '{ident}' does not start where '{previous['id']}' ends")
        previous = link


def _inside(inner: layout.Rect, outer: layout.Rect) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1]
            and inner[0] + inner[2] <= outer[0] + outer[2]
            and inner[1] + inner[3] <= outer[1] + outer[3])
