"""A skill guide file: `guides/<id>.yaml`."""

from collections.abc import Callable
from pathlib import Path

from .fields import FileReader, Id
from .files import read_yaml
from .model import Figure, Guide, InterviewQuestion, PathLevel, PathStep, Project, Tool, ToolGroup
from .problems import Problem
from .render import render_inline, render_markdown

LEVELS = ("beginner", "intermediate", "advanced")


def _md(text: str | None) -> str:
    return render_markdown(text).html if text else ""


def load_guide(path: Path, root: Path, problems: list[Problem], url: Callable) -> Guide | None:
    """Load and validate one skill guide."""
    data, source = read_yaml(path, root, problems)
    if source is None or data is None:
        return None
    r = FileReader(source.shown, problems)
    f = r.fields(
        data, 1, "guide",
        required={"id": Id, "title": str, "summary": str, "why_it_matters": str, "figures": list,
                  "learning_path": list, "projects": list, "tool_groups": list,
                  "interview_questions": list},
        optional={"careers_note": str},
    )
    figures = [_figure(r, item, line) for item, line in r.items(f, "figures", dict, "guide")]
    levels = [_level(r, item, line) for item, line in r.items(f, "learning_path", dict, "guide")]
    projects = [_project(r, item, line) for item, line in r.items(f, "projects", dict, "guide")]
    groups = [_group(r, item, line) for item, line in r.items(f, "tool_groups", dict, "guide")]
    questions = [
        _interview(r, item, line)
        for item, line in r.items(f, "interview_questions", dict, "guide")
    ]
    r.unique([(p.id, line) for p, line in projects if p], "project id")
    r.unique([(q.id, line) for q, line in questions if q], "interview question id")
    parts = [figures, levels, projects, groups, questions]
    if not {"id", "title", "summary", "why_it_matters"} <= f.keys() or any(x is None for part in parts for x, _ in part):
        return None
    return Guide(
        id=f["id"], url=url(f["id"]), title=f["title"], summary_html=_md(f["summary"]),
        why_html=_md(f["why_it_matters"]), figures=tuple(x for x, _ in figures),
        learning_path=tuple(x for x, _ in levels), projects=tuple(x for x, _ in projects),
        tool_groups=tuple(x for x, _ in groups), interview_questions=tuple(x for x, _ in questions),
        careers_note_html=_md(f.get("careers_note")), version=source.version,
    )


def _level_ok(r: FileReader, item, f: dict) -> bool:
    if "level" in f and f["level"] not in LEVELS:
        r.error(item.line_of("level"), f"level must be one of {', '.join(LEVELS)}, not '{f['level']}'")
        return False
    return "level" in f


def _figure(r: FileReader, item, line: int):
    f = r.fields(item, line, "figure", required={"value": str, "label": str}, optional={"note": str})
    if len(f) < 2:
        return None, line
    return Figure(value=f["value"], label=f["label"], note_html=_md(f.get("note"))), line


def _level(r: FileReader, item, line: int):
    f = r.fields(
        item, line, "learning path level",
        required={"level": str, "title": str, "steps": list}, optional={"mistake": str},
    )
    steps = []
    for step, step_line in r.items(f, "steps", dict, "learning path level"):
        s = r.fields(step, step_line, "learning path step", required={"title": str, "body": str})
        if len(s) == 2:
            steps.append(PathStep(title=s["title"], body_html=render_inline(s["body"])))
    if not _level_ok(r, item, f) or "title" not in f:
        return None, line
    return PathLevel(
        level=f["level"], title=f["title"], steps=tuple(steps),
        mistake_html=render_inline(f["mistake"]) if f.get("mistake") else "",
    ), line


def _project(r: FileReader, item, line: int):
    f = r.fields(
        item, line, "project",
        required={"id": Id, "level": str, "title": str, "scenario": str, "steps": list},
    )
    steps = [render_inline(s) for s, _ in r.items(f, "steps", str, "project")]
    if not _level_ok(r, item, f) or len(f) < 5:
        return None, line
    return Project(
        id=f["id"], level=f["level"], title=f["title"], scenario_html=_md(f["scenario"]),
        steps=tuple(steps),
    ), line


def _group(r: FileReader, item, line: int):
    f = r.fields(item, line, "tool group", required={"title": str, "summary": str, "tools": list})
    tools = []
    for tool, tool_line in r.items(f, "tools", dict, "tool group"):
        t = r.fields(tool, tool_line, "tool", required={"name": str, "purpose": str})
        if len(t) == 2:
            tools.append(Tool(name=t["name"], purpose_html=render_inline(t["purpose"])))
    if len(f) < 3:
        return None, line
    summary = _md(f["summary"])
    return ToolGroup(title=f["title"], summary_html=summary, tools=tuple(tools)), line


def _interview(r: FileReader, item, line: int):
    f = r.fields(
        item, line, "interview question",
        required={"id": Id, "question": str, "tests": str, "strategy": str, "sample_answer": str},
    )
    if len(f) < 5:
        return None, line
    return InterviewQuestion(
        id=f["id"], question=f["question"], tests_html=_md(f["tests"]),
        strategy_html=_md(f["strategy"]), sample_answer_html=_md(f["sample_answer"]),
    ), line
