"""A chapter folder: chapter.yaml, its section files, and the parts around them."""

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .diagrams import load_diagrams
from .fields import FileReader, Id
from .files import SourceFile, prose_lines, read_source, read_yaml, split_front_matter
from .model import BodyPart, Chapter, Diagram, Section, Term
from .parts import build_terms, check_term_anchors, load_assessment, load_glossary
from .problems import Problem
from .reserved import clashing_heading_ids, heading_line
from .render import DIAGRAM_RE, Linker, render_inline, render_markdown, split_slots
from .tips import TermTip

WORDS_PER_MINUTE = 200
RESERVED = {"glossary", "assessment", "assessments", "progress"}
LINK_RE = re.compile(r"\]\((section|term):([^)#\s]*)(?:#([^)\s]*))?\)")


@dataclass(frozen=True, kw_only=True)
class Urls:
    """How the pure loader writes links; the site passes its own reversed URLs."""

    chapter: Callable[[str], str] = lambda ch: f"/chapters/{ch}/"
    section: Callable[[str, str], str] = lambda ch, sec: f"/chapters/{ch}/{sec}/"
    glossary: Callable[[str], str] = lambda ch: f"/chapters/{ch}/glossary/"
    guide: Callable[[str], str] = lambda guide: f"/guides/{guide}/"


@dataclass(kw_only=True)
class _Draft:
    source: SourceFile
    fields: dict
    body: str
    body_line: int


def load_chapter(
    folder: Path,
    root: Path,
    problems: list[Problem],
    urls: Urls,
    *,
    warnings: list[Problem] | None = None,
) -> Chapter | None:
    """Load one chapter folder, recording every problem (and warning) found."""
    data, source = read_yaml(folder / "chapter.yaml", root, problems)
    if source is None or data is None:
        return None
    r = FileReader(source.shown, problems)
    f = r.fields(
        data, 1, "chapter",
        required={"id": Id, "number": int, "title": str, "summary": str, "objectives": list,
                  "sections": list},
    )
    order = r.items(f, "sections", Id, "chapter")
    r.unique(order, "section id")
    drafts = _read_sections(folder / "sections", root, problems)
    _check_order(r, order, drafts, data)
    section_ids = {sid for sid, _ in order if sid in drafts}
    chapter_id = f.get("id", folder.name)
    glossary = urls.glossary(chapter_id)
    diagrams = load_diagrams(folder / "diagrams", root, problems)
    entries, term_ids = load_glossary(folder / "glossary.yaml", root, problems, section_ids)
    links = Linker(
        section_href=lambda sid: urls.section(chapter_id, sid) if sid in section_ids else None,
        term_href=lambda tid: f"{glossary}#term-{tid}" if tid in term_ids else None,
    )
    placed = [(sid, drafts[sid]) for sid, _ in order if sid in drafts]
    terms = build_terms(entries, links)
    linker = replace(
        links,
        terms=tuple((e["id"], (e["term"], *e["aliases"])) for e, _ in entries),
        tips=_tips(terms, placed, links, lambda sid: urls.section(chapter_id, sid)),
    )
    sections = [
        _render(draft, number, urls.section(chapter_id, draft.fields["id"]), linker, diagrams, problems)
        for number, (_, draft) in enumerate(placed, 1)
    ]
    _check_links(placed, sections, term_ids, problems)
    anchors = {s.id: {t.anchor for t in s.toc} for s in sections}
    shown_glossary = os.path.relpath(folder / "glossary.yaml", root.parent)
    check_term_anchors(entries, anchors, shown_glossary, problems)
    questions, assessments = load_assessment(
        folder / "assessment.yaml", root, problems, anchors, linker.links_only(), warnings=warnings
    )
    objectives = [render_inline(o) for o, _ in r.items(f, "objectives", str, "chapter")]
    if not {"id", "number", "title", "summary"} <= f.keys():
        return None
    return Chapter(
        id=f["id"], number=f["number"], url=urls.chapter(f["id"]), glossary_url=glossary,
        title=f["title"],
        summary_html=render_markdown(f["summary"]).html, objectives=tuple(objectives),
        sections=tuple(sections), terms=terms, questions=questions,
        assessments=assessments, diagrams=tuple(diagrams.values()),
    )


def _tips(
    terms: tuple[Term, ...], placed: list, links: Linker, section_url: Callable[[str], str]
) -> dict[str, TermTip]:
    """Each term's definition as shown where it is first used, with the heading that teaches it."""
    numbers = {sid: (n, draft.fields.get("title", sid)) for n, (sid, draft) in enumerate(placed, 1)}
    return {
        t.id: TermTip(
            term=t.term,
            definition_html=t.definition_html,
            glossary_href=links.term_href(t.id),
            taught_href=section_url(t.section_id) + (f"#{t.anchor}" if t.anchor else ""),
            taught_label="section {}: {}".format(*numbers[t.section_id]),
        )
        for t in terms
        if t.section_id in numbers
    }


def _read_sections(folder: Path, root: Path, problems: list[Problem]) -> dict[str, _Draft]:
    drafts: dict[str, _Draft] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        source = read_source(path, root, problems)
        if source is None:
            continue
        data, body, body_line = split_front_matter(source, problems)
        if data is None:
            continue
        r = FileReader(source.shown, problems)
        f = r.fields(
            data, 1, "section front matter",
            required={"id": Id, "title": str, "summary": str, "takeaway": str},
        )
        if f.get("id") in RESERVED:
            r.error(data.line_of("id"), f"section id '{f['id']}' is reserved for a chapter page")
        elif "id" in f and f["id"] in drafts:
            first = drafts[f["id"]].source.shown
            r.error(data.line_of("id"), f"duplicate section id '{f['id']}' (also in {first})")
        elif "id" in f:  # keep it even if incomplete, so references to it do not cascade
            drafts[f["id"]] = _Draft(source=source, fields=f, body=body, body_line=body_line)
    return drafts


def _check_order(r: FileReader, order: list, drafts: dict[str, _Draft], data) -> None:
    listed = {sid for sid, _ in order}
    for sid, line in order:
        if sid not in drafts:
            r.error(line, f"section '{sid}' is listed but no file in sections/ has that id")
    for sid, draft in drafts.items():
        if sid not in listed:
            r.error(data.line_of("sections"), f"section '{sid}' ({draft.source.shown}) is not listed")


def _render(
    draft: _Draft, number: int, url: str, linker: Linker, diagrams: dict, problems: list
) -> Section:
    for line_no, line in prose_lines(draft.body, draft.body_line):
        match = DIAGRAM_RE.match(line.strip())
        if match and match.group(1) not in diagrams:
            message = f"unknown diagram '{match.group(1)}' (diagrams/ has: {', '.join(diagrams)})"
            problems.append(Problem(path=draft.source.shown, line=line_no, message=message))
    rendered = render_markdown(draft.body, linker=linker)
    for clash in clashing_heading_ids(rendered.html):
        line = heading_line(draft.body, draft.body_line, clash)
        message = f"heading id '{clash}' is used by the site's own pages; choose another"
        problems.append(Problem(path=draft.source.shown, line=line, message=message))
    body = tuple(
        BodyPart(html=value) if kind == "html" else BodyPart(diagram=diagrams[value])
        for kind, value in split_slots(rendered.html)
        if kind == "html" or value in diagrams
    )
    f = draft.fields
    return Section(
        id=f["id"], number=number, url=url, title=f.get("title", ""), summary=f.get("summary", ""),
        body=body, toc=rendered.toc,
        takeaway_html=render_markdown(f.get("takeaway", ""), linker=linker.links_only()).html,
        words=rendered.words, reading_minutes=max(1, math.ceil(rendered.words / WORDS_PER_MINUTE)),
        version=draft.source.version,
    )


def _check_links(placed: list, sections: list[Section], term_ids: set, problems: list) -> None:
    anchors = {s.id: {t.anchor for t in s.toc} for s in sections}
    for _, draft in placed:
        for line_no, line in prose_lines(draft.body, draft.body_line):
            for kind, ident, fragment in LINK_RE.findall(line):
                message = None
                if kind == "term" and ident not in term_ids:
                    message = f"link to unknown term '{ident}'"
                elif kind == "section" and ident not in anchors:
                    message = f"link to unknown section '{ident}'"
                elif kind == "section" and fragment and fragment not in anchors[ident]:
                    message = f"section '{ident}' has no heading '#{fragment}'"
                if message:
                    problems.append(Problem(path=draft.source.shown, line=line_no, message=message))
