"""A chapter's glossary and assessment files."""

import json
from pathlib import Path

from .fields import FileReader, Id
from .files import read_yaml, short_hash
from .flags import flag_problems
from .model import Assessment, Choice, Question, Term
from .problems import Problem
from .render import Linker, render_inline, render_markdown
from .yamlio import LineList

KINDS = ("pre", "post")
ANSWER_POLICIES = ("on_submit", "after_post")


def load_glossary(
    path: Path, root: Path, problems: list[Problem], section_ids: set[str]
) -> tuple[list[tuple[dict, int]], set[str]]:
    """The complete term entries (fields, line) and every term id written, complete or not."""
    if not path.exists():
        return [], set()
    data, source = read_yaml(path, root, problems)
    if source is None or data is None:
        return [], set()
    r = FileReader(source.shown, problems)
    top = r.fields(data, 1, "glossary", required={"terms": list})
    entries, spellings, written = [], {}, set()
    for item, line in r.items(top, "terms", dict, "glossary"):
        f = r.fields(
            item, line, "term",
            required={"id": Id, "term": str, "definition": str, "section": Id},
            optional={"aliases": list, "anchor": Id},
        )
        f["aliases"] = [a for a, _ in r.items(f, "aliases", str, "term")]
        written.add(f.get("id"))
        if "section" in f and f["section"] not in section_ids:
            r.error(item.line_of("section"), f"term refers to unknown section '{f['section']}'")
        for spelling in [f.get("term"), *f["aliases"]]:
            if spelling and spelling in spellings:
                r.error(line, f"spelling '{spelling}' is already used by term '{spellings[spelling]}'")
            elif spelling:
                spellings[spelling] = f.get("id", "?")
        if {"id", "term", "definition", "section"} <= f.keys():
            entries.append((f, line))
    r.unique([(f["id"], line) for f, line in entries], "term id")
    return entries, written


def check_term_anchors(
    entries: list[tuple[dict, int]], anchors: dict[str, set[str]], shown: str,
    problems: list[Problem],
) -> None:
    """Each term's `anchor` must be a heading of the section that teaches it."""
    for f, line in entries:
        anchor = f.get("anchor")
        if anchor and anchor not in anchors.get(f["section"], set()):
            message = f"term '{f['id']}': section '{f['section']}' has no heading '#{anchor}'"
            problems.append(Problem(path=shown, line=line, message=message))


def build_terms(entries: list[tuple[dict, int]], linker: Linker) -> tuple[Term, ...]:
    """Render term definitions; alphabetical by term."""
    terms = [
        Term(
            id=f["id"],
            term=f["term"],
            definition_html=render_inline(f["definition"], linker=linker),
            section_id=f["section"],
            anchor=f.get("anchor", ""),
            aliases=tuple(f["aliases"]),
        )
        for f, _ in entries
    ]
    return tuple(sorted(terms, key=lambda t: t.term.casefold()))


def load_assessment(
    path: Path,
    root: Path,
    problems: list[Problem],
    anchors: dict[str, set[str]],
    linker: Linker,
    *,
    warnings: list[Problem] | None = None,
) -> tuple[tuple[Question, ...], tuple[Assessment, ...]]:
    """Questions and assessments; every reference checked; item-writing cues go to `warnings`."""
    if not path.exists():
        return (), ()
    data, source = read_yaml(path, root, problems)
    if source is None or data is None:
        return (), ()
    r = FileReader(source.shown, problems)
    top = r.fields(data, 1, "assessment file", required={"assessments": list, "questions": list})
    items = r.items(top, "questions", dict, "assessment file")
    questions = [q for item, line in items if (q := _question(r, item, line, anchors, linker))]
    r.unique([(q.id, line) for q, line in questions], "question id")
    for question, line in questions if warnings is not None else ():
        warnings.extend(flag_problems(question, source.shown, line))
    known = {item.get("id") for item, _ in items}  # written ids, valid or not: no cascades
    assessments = [
        a for item, line in r.items(top, "assessments", dict, "assessment file")
        if (a := _assessment(r, item, line, known, linker))
    ]
    r.unique([(a.id, line) for a, line in assessments], "assessment id")
    kinds = [(a.kind, line) for a, line in assessments]
    r.unique(kinds, "assessment kind")
    return tuple(q for q, _ in questions), tuple(a for a, _ in assessments)


def _question(r: FileReader, item, line: int, anchors: dict, linker: Linker):
    f = r.fields(
        item, line, "question",
        required={"id": Id, "section": Id, "prompt": str, "choices": list, "answer": Id,
                  "explanation": str},
        optional={"anchor": Id},
    )
    placed = _choices(r, f)
    choices = [c for c, _ in placed]
    section = f.get("section")
    if section is not None and section not in anchors:
        r.error(item.line_of("section"), f"question refers to unknown section '{section}'")
    elif section is not None and f.get("anchor") and f["anchor"] not in anchors[section]:
        r.error(item.line_of("anchor"), f"section '{section}' has no heading '#{f['anchor']}'")
    ids = [c.id for c in choices]
    if "answer" in f and ids and f["answer"] not in ids:
        r.error(item.line_of("answer"), f"answer '{f['answer']}' is not one of the choices {ids}")
    if len(choices) < 2 and isinstance(f.get("choices"), LineList):
        r.error(item.line_of("choices"), "a question needs at least two choices")
    for choice, choice_line in placed if f.get("answer") in ids else ():
        is_answer = choice.id == f.get("answer")
        if is_answer and choice.why_wrong_html:
            r.error(choice_line, f"choice '{choice.id}' is the answer but has 'why_wrong'")
        elif not is_answer and not choice.why_wrong_html:
            r.error(choice_line, f"wrong choice '{choice.id}' needs 'why_wrong'")
    required = {"id", "section", "prompt", "choices", "answer", "explanation"}
    if not required <= f.keys() or len(choices) != len(f["choices"]) or f["answer"] not in ids:
        return None
    version = short_hash(json.dumps(item, sort_keys=True, default=str))
    return Question(
        id=f["id"], section_id=f["section"], anchor=f.get("anchor", ""), prompt=f["prompt"],
        choices=tuple(choices), answer=f["answer"],
        explanation_html=render_markdown(f["explanation"], linker=linker).html, version=version,
    ), line


def _choices(r: FileReader, f: dict) -> list[tuple[Choice, int]]:
    out = []
    for choice_item, choice_line in r.items(f, "choices", dict, "question"):
        c = r.fields(
            choice_item, choice_line, "choice",
            required={"id": Id, "text": str}, optional={"why_wrong": str},
        )
        if {"id", "text"} <= c.keys():
            why = render_inline(c["why_wrong"]) if c.get("why_wrong") else ""
            out.append((Choice(id=c["id"], text=c["text"], why_wrong_html=why), choice_line))
    r.unique([(c.id, line) for c, line in out], "choice id")
    return out


def _assessment(r: FileReader, item, line: int, known: set[str], linker: Linker):
    f = r.fields(
        item, line, "assessment",
        required={"id": Id, "kind": str, "title": str, "questions": list},
        optional={"intro": str, "answers": str},
    )
    if f.get("answers", "on_submit") not in ANSWER_POLICIES:
        allowed = ", ".join(ANSWER_POLICIES)
        r.error(item.line_of("answers"), f"answers must be one of {allowed}, not '{f['answers']}'")
    if "kind" in f and f["kind"] not in KINDS:
        r.error(item.line_of("kind"), f"kind must be one of {', '.join(KINDS)}, not '{f['kind']}'")
    ids = r.items(f, "questions", Id, "assessment")
    for qid, qline in ids:
        if qid not in known:
            r.error(qline, f"assessment refers to unknown question '{qid}'")
    r.unique(ids, "question in this assessment")
    if not ids and "questions" in f:
        r.error(item.line_of("questions"), "an assessment needs at least one question")
    if not {"id", "kind", "title"} <= f.keys() or f["kind"] not in KINDS:
        return None
    default = "after_post" if f["kind"] == "pre" else "on_submit"
    policy = f.get("answers", default) if f.get("answers") in ANSWER_POLICIES else default
    intro = render_markdown(f["intro"], linker=linker).html if f.get("intro") else ""
    return Assessment(
        id=f["id"], kind=f["kind"], title=f["title"], intro_html=intro,
        question_ids=tuple(q for q, _ in ids), answers=policy,
    ), line
