"""Diagram files: the loader's path:line errors, their layout, and the SVG the server renders."""

import html
import re
from pathlib import Path

import pytest
import yaml
from django.template.loader import render_to_string

from courses.content import load_course
from courses.content.diagram_layout import (
    PAD_X,
    connect,
    crossing,
    needed_height,
    text_width,
    wrap,
)
from courses.content.diagrams import load_diagrams

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
MODULE = ROOT / "static" / "js" / "diagram.js"

BASE = """\
id: flow
title: The flow
summary: How it flows.
width: 300
height: 120
parts:
  - {id: zone, kind: zone, label: Zone, x: 0, y: 0, w: 300, h: 120}
  - {id: source, kind: box, label: Source, parent: zone, x: 10, y: 40, w: 100, h: 40}
  - {id: sink, kind: box, label: Sink, parent: zone, x: 190, y: 40, w: 100, h: 40}
connections:
  - {id: pipe, from: source, to: sink, kind: allowed, label: flows}
  - {id: back, from: sink, to: source}
steps:
  - caption: Step one
  - caption: Step two
    show: [pipe]
    highlight: [sink]
    travel:
      - {along: [pipe, back], ms: 800}
"""


def load(tmp_path: Path, text: str) -> tuple[dict, list[str]]:
    folder = tmp_path / "content" / "diagrams"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "flow.yaml").write_text(text)
    problems: list = []
    diagrams = load_diagrams(folder, tmp_path / "content", problems)
    return diagrams, [str(p) for p in sorted(problems)]


def edited(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_a_valid_file_loads_with_steps_timing_and_geometry(tmp_path):
    diagrams, problems = load(tmp_path, BASE)
    assert problems == []
    flow = diagrams["flow"]
    assert [p.id for p in flow.containers] == ["zone"]
    assert [p.id for p in flow.pieces] == ["source", "sink"]
    pipe = flow.connections[0]
    assert pipe.appears == 2 and pipe.highlights == ()
    assert flow.parts[2].highlights == (2,)
    assert pipe.x1 > 110 and pipe.x2 < 190  # from the source's edge to the sink's
    assert pipe.head and not pipe.cross
    assert flow.steps[1].travel[0].along == ("pipe", "back")
    assert flow.steps[1].ms >= 800 + 1500  # Play stays until the packet has arrived
    assert [n for n, _ in flow.packets] == [2]


P = "content/diagrams/flow.yaml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "show: [pipe]",
            "show: [pipe, nope]",
            f"{P}:16: step 2 refers to unknown part or connection 'nope'",
        ),
        (
            "highlight: [sink]",
            "highlight: [sinks]",
            f"{P}:17: step 2 refers to unknown part or connection 'sinks'",
        ),
        ("show: [pipe]", "show: [pipe, pipe]", f"{P}:16: 'pipe' is already shown at step 2"),
        (
            "{id: sink, kind: box",
            "{id: source, kind: box",
            f"{P}:9: duplicate id 'source' (first used on line 8)",
        ),
        ("{id: back,", "{id: sink,", f"{P}:12: duplicate id 'sink' (first used on line 9)"),
        (
            "to: sink, kind: allowed",
            "to: drain, kind: allowed",
            f"{P}:11: connection 'pipe' refers to unknown part 'drain'",
        ),
        (
            "from: sink, to: source",
            "from: sink, to: sink",
            f"{P}:12: connection 'back' starts and ends at the same part",
        ),
        (
            "{id: sink, kind: box",
            "{id: sink, kind: circle",
            f"{P}:9: kind must be one of box, zone, lane, label, marker, not 'circle'",
        ),
        (
            "kind: allowed",
            "kind: maybe",
            f"{P}:11: kind must be one of path, allowed, blocked, not 'maybe'",
        ),
        (
            "label: Sink,",
            "label: Sink, tone: loud,",
            f"{P}:9: tone must be one of neutral, ok, bad, accent, not 'loud'",
        ),
        (
            "x: 190, y: 40, w: 100, h: 40}",
            "x: 190, y: 40, w: 100}",
            f"{P}:9: part is missing required field 'h'",
        ),
        ("x: 10,", "x: left,", f"{P}:8: 'x' in part must be a whole number, not text"),
        ("x: 10,", "x: 10.5,", f"{P}:8: 'x' in part must be a whole number, not the number 10.5"),
        ("label: Source,", "label: Source, shape: round,", f"{P}:8: unknown field 'shape' in part"),
        ("x: 190, y: 40", "x: 250, y: 40", f"{P}:9: part 'sink' goes past the canvas (300 x 120)"),
        (
            "label: Zone, x: 0, y: 0, w: 300",
            "label: Zone, x: 0, y: 0, w: 200",
            f"{P}:9: part 'sink' is not inside its parent 'zone'",
        ),
        (
            "parent: zone, x: 10",
            "parent: area, x: 10",
            f"{P}:8: part 'source' has unknown parent 'area'",
        ),
        (
            "parent: zone, x: 190",
            "parent: source, x: 190",
            f"{P}:9: parent 'source' is not a zone or lane",
        ),
        (
            "along: [pipe, back]",
            "along: [back, back]",
            f"{P}:19: connection 'back' does not start where 'back' ends",
        ),
        (
            "along: [pipe, back]",
            "along: [pipe, sink]",
            f"{P}:19: step 2 sends a packet along unknown connection 'sink'",
        ),
        (
            "  - caption: Step one\n",
            "  - caption: Step one\n    travel: [{along: [pipe], ms: 500}]\n",
            f"{P}:15: step 1 sends a packet along 'pipe' before it is shown",
        ),
        ("ms: 800", "ms: 0", f"{P}:19: 'ms' in travel must be more than 0"),
        (
            "kind: allowed, label: flows}",
            "kind: allowed, label: flows, stop_at: zone}",
            f"{P}:11: only a blocked connection has 'stop_at'",
        ),
        (
            "kind: allowed, label: flows}",
            "kind: blocked, label: flows, stop_at: zone}",
            f"{P}:11: connection 'pipe' never crosses the edge of 'zone'",
        ),
        (
            "label: flows}",
            "label: flows, label_offset: [3]}",
            f"{P}:11: label_offset must be two whole numbers: [dx, dy]",
        ),
        ("width: 300", "width: 0", f"{P}:4: 'width' in diagram must be more than 0"),
        (
            "height: 120\n",
            "height: 120\nheight: 90\n",
            f"{P}:6: duplicate key 'height' (first given on line 5)",
        ),
        ("title: The flow\n", "", f"{P}:1: diagram is missing required field 'title'"),
    ],
)
def test_each_malformed_diagram_is_reported_with_path_and_line(tmp_path, old, new, expected):
    _, problems = load(tmp_path, edited(old, new))
    assert any(p.startswith(expected) for p in problems), problems


def test_a_diagram_with_no_steps_is_reported(tmp_path):
    text = BASE[: BASE.index("steps:")] + "steps: []\n"
    _, problems = load(tmp_path, text)
    assert problems == [f"{P}:13: a diagram needs at least one step"]


def test_every_problem_of_a_diagram_comes_at_once(tmp_path):
    text = edited("show: [pipe]", "show: [pipe, nope]")
    text = text.replace("kind: allowed", "kind: maybe").replace("x: 10,", "x: left,")
    _, problems = load(tmp_path, text)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{P}:8", f"{P}:11", f"{P}:16"]


def test_a_broken_diagram_still_answers_to_its_id_so_sections_get_no_second_error(tmp_path):
    diagrams, problems = load(tmp_path, edited("show: [pipe]", "show: [nope]"))
    assert problems and list(diagrams) == ["flow"]
    assert diagrams["flow"].parts == ()


# The real content: every diagram renders to SVG that carries every label of its file.


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


def diagram_files() -> list[Path]:
    return sorted(CONTENT.glob("chapters/*/diagrams/*.yaml"))


def svg_text(markup: str) -> str:
    svg = markup[markup.index("<svg") : markup.index("</svg>")]
    lines = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return " ".join(html.unescape(line) for line in lines)


def find(course, diagram_id: str):
    return next(d for ch in course.chapters for d in ch.diagrams if d.id == diagram_id)


@pytest.mark.parametrize("path", diagram_files(), ids=lambda p: p.stem)
def test_every_diagram_renders_to_svg_with_every_label_of_its_file(course, path):
    data = yaml.safe_load(path.read_text())
    markup = render_to_string("includes/diagram.html", {"diagram": find(course, data["id"])})
    text = svg_text(markup)
    labels = [p[key] for p in data["parts"] for key in ("label", "sublabel") if key in p]
    labels += [c["label"] for c in data.get("connections", []) if "label" in c]
    assert labels
    for label in labels:
        assert " ".join(label.split()) in text, label


@pytest.mark.parametrize("path", diagram_files(), ids=lambda p: p.stem)
def test_every_label_fits_its_part_in_the_widest_common_font(course, path):
    diagram = find(course, yaml.safe_load(path.read_text())["id"])
    for part in diagram.parts:
        need = needed_height(part.kind, part.label, part.sublabel, part.w)
        assert need <= part.h, f"{part.id} needs a height of {need:.0f}, has {part.h}"
        widest = max(text_width(line.text, line.role) for line in part.lines)
        assert widest <= part.w - 2 * PAD_X or len(part.lines) == 1, part.id


@pytest.mark.parametrize("path", diagram_files(), ids=lambda p: p.stem)
def test_without_javascript_the_figure_is_the_complete_final_state(course, path):
    diagram = find(course, yaml.safe_load(path.read_text())["id"])
    markup = render_to_string("includes/diagram.html", {"diagram": diagram})
    assert " style=" not in markup and "<style" not in markup  # the CSP forbids both
    assert "is-hidden" not in markup and "is-active" not in markup
    assert markup.count("<li ") == len(diagram.steps)
    for step in diagram.steps:
        assert html.escape(step.caption, quote=False) in markup
    assert re.search(r'class="dg-controls"[^>]*\bhidden\b', markup)  # shown by diagram.js
    assert f'aria-labelledby="diagram-{diagram.id}-title"' in markup
    assert '<figcaption class="dg-head">' in markup
    assert markup.count('<script type="module" src="/static/js/diagram.js"></script>') == 1


def test_blocked_and_allowed_differ_by_shape_and_words_not_only_colour(course):
    markup = render_to_string("includes/diagram.html", {"diagram": find(course, "network-policy")})
    blocked = re.findall(r'<g class="dg-conn dg-blocked".*?</g>', markup)
    allowed = re.findall(r'<g class="dg-conn dg-allowed".*?</g>', markup)
    assert len(blocked) == 2 and len(allowed) == 4
    assert all('class="dg-cross"' in g and "dg-head" not in g for g in blocked)
    assert all('class="dg-head"' in g and "dg-cross" not in g for g in allowed)
    text = svg_text(markup)
    assert text.count("✗ BLOCKED") == 2 and text.count("✓ ALLOWED") == 4


def test_rdma_diagram_paces_the_race_to_the_stated_scale(course):
    rdma = find(course, "rdma-vs-tcp")
    race = next(s for s in rdma.steps if len(s.travel) == 2)
    tcp, ib = race.travel
    assert (len(tcp.along), len(ib.along)) == (8, 4)  # 8 hops against 4
    assert tcp.ms / ib.ms == 50  # ~75 µs against ~1.5 µs
    assert "1 second of animation stands for 10 µs" in rdma.scale_note
    assert "50–100x lower latency" in rdma.steps[-1].caption


# Layout helpers.


def test_wrap_keeps_every_line_within_the_width():
    text = (
        "Each layer stops a different attack class and compromise of one does not expose the rest."
    )
    lines = wrap(text, 150, "sub")
    assert " ".join(lines) == text
    assert all(text_width(line, "sub") <= 150 for line in lines)
    assert wrap("Supercalifragilistic", 20, "title") == ["Supercalifragilistic"]


def test_a_blocked_connection_stops_on_the_edge_it_may_not_cross():
    zone = (0.0, 0.0, 100.0, 100.0)
    inside, outside = (30.0, 30.0, 40.0, 20.0), (30.0, 200.0, 40.0, 20.0)
    g = connect(inside, outside, "blocked", zone)
    assert "M" in g["cross"] and g["head"] == ""
    assert g["end"][1] == pytest.approx(100 - 9)  # the line ends at the cross's rim
    assert crossing(zone, (50.0, 50.0), (50.0, 150.0)) == pytest.approx(0.5)
    assert crossing(zone, (50.0, 150.0), (50.0, 300.0)) is None


# Weight: one small module, no dependency.


def minified(source: str) -> str:
    """A crude minification: comments and indentation gone, whitespace runs collapsed."""
    source = re.sub(r"^\s*//.*$", "", source, flags=re.MULTILINE)
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    return re.sub(r"\s+", " ", source).strip()


def test_the_animation_module_is_under_10_kb_minified_and_has_no_dependency():
    source = MODULE.read_text()
    assert len(minified(source).encode()) < 10_000
    assert not re.search(r"^\s*import\b|\bimport\(|\brequire\(", source, flags=re.MULTILINE)
