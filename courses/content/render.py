"""Markdown to sanitized HTML: one fixed extension list, glossary links, diagram slots."""

import html
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import markdown
import nh3
from pygments.token import STANDARD_TYPES
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .model import TocEntry
from .tables import LabelCells
from .tips import TIP_CLASSES, TermTip, tip_nodes

DIAGRAM_RE = re.compile(r"^\[\[\s*diagram:\s*([^\]\s]+)\s*\]\]$")
SLOT_RE = re.compile(r'<div class="diagram-slot" data-diagram="([a-z0-9-]+)"></div>')
INTERNAL_RE = re.compile(r"^(section|term):([^#\s]*)(#.*)?$")
CODE_LANGS = ("yaml", "bash", "sh", "shell", "console", "python", "json", "text", "dockerfile")
TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "div", "span",
    "dl", "dt", "dd", "sup", "sub", "kbd", "abbr", "del", "button",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align", "data-label"},
    "ol": {"start"},
    "div": {"data-diagram"},
    "button": {"type", "popovertarget"},
    "span": {"id", "popover"},
    **{h: {"id"} for h in ("h2", "h3", "h4", "h5", "h6")},
}
CLASSES = {
    "div": {"admonition", "note", "warning", "tip", "danger", "diagram-slot", "codeblock"},
    "p": {"admonition-title"},
    "a": {"term"},
    "button": {"term"},
    "code": {f"language-{lang}" for lang in CODE_LANGS},
    # Code highlighted at load time: Pygments' short token classes, styled by the stylesheet.
    "span": {c for c in STANDARD_TYPES.values() if c} | TIP_CLASSES,
}
SKIP_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr"}


@dataclass(frozen=True, kw_only=True)
class Linker:
    """Resolves `section:`/`term:` links and knows the glossary terms to link on first use."""

    section_href: Callable[[str], str | None]
    """Section id to URL, or None when there is no such section."""
    term_href: Callable[[str], str | None]
    """Term id to URL, or None when there is no such term."""
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(term id, spellings) for every glossary term."""
    tips: Mapping[str, TermTip] = field(default_factory=dict)
    """Term id to the definition shown where the term is first used (none: a glossary link)."""
    pattern: re.Pattern | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        spellings = sorted({s for _, names in self.terms for s in names}, key=len, reverse=True)
        if spellings:
            # A spelling may wrap across source lines: any run of whitespace matches its spaces.
            alternation = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings)
            object.__setattr__(self, "pattern", re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"))

    def links_only(self) -> "Linker":
        """The same link resolution without first-use term marking (for text beside a body)."""
        return Linker(section_href=self.section_href, term_href=self.term_href)

    def term_for(self, spelling: str) -> str:
        """The term id a spelling belongs to."""
        spelling = " ".join(spelling.split())
        return next(tid for tid, names in self.terms if spelling in names)


@dataclass(frozen=True, kw_only=True)
class Rendered:
    """Sanitized HTML with its table of contents and word count."""

    html: str
    toc: tuple[TocEntry, ...]
    words: int


class _DiagramBlock(BlockProcessor):
    """`[[diagram: id]]` alone in a paragraph becomes an empty slot the page fills."""

    def test(self, parent: ET.Element, block: str) -> bool:
        return bool(DIAGRAM_RE.match(block.strip()))

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        ident = DIAGRAM_RE.match(blocks.pop(0).strip()).group(1)
        ET.SubElement(parent, "div", {"class": "diagram-slot", "data-diagram": ident})


class _LinkTree(Treeprocessor):
    """Resolves internal links and links each glossary term on its first use."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.linker: Linker | None = None
        self.seen: set[str] = set()

    def use(self, linker: Linker | None) -> None:
        """Resolve with `linker` (None: no links) in the next conversion, first uses afresh."""
        self.linker, self.seen = linker, set()

    def run(self, root: ET.Element) -> None:
        if self.linker is None:
            return
        for a in root.iter("a"):
            self._resolve(a)
        if self.linker.pattern is not None:
            self._visit(root)

    def _resolve(self, a: ET.Element) -> None:
        match = INTERNAL_RE.match(a.get("href", ""))
        if not match:
            return
        kind, ident, fragment = match.groups()
        lookup = self.linker.section_href if kind == "section" else self.linker.term_href
        url = lookup(ident)
        if url is None:
            a.attrib.pop("href")
        else:
            a.set("href", url if kind == "term" else url + (fragment or ""))

    def _visit(self, el: ET.Element) -> None:
        if el.tag in SKIP_TAGS:
            return
        created = self._split(el, "text")
        rebuilt = list(created)
        for child in list(el):
            self._visit(child)
            rebuilt.append(child)
            rebuilt.extend(self._split(child, "tail"))
        el[:] = rebuilt

    def _split(self, el: ET.Element, attr: str) -> list[ET.Element]:
        text = getattr(el, attr)
        if not text or isinstance(text, markdown.util.AtomicString):
            return []
        created, pos, lead = [], 0, text
        for match in self.linker.pattern.finditer(text):
            term_id = self.linker.term_for(match.group(0))
            if term_id in self.seen:
                continue
            self.seen.add(term_id)
            chunk = text[pos : match.start()]
            if created:
                created[-1].tail = chunk
            else:
                lead = chunk
            created.extend(self._term(term_id, match.group(0)))
            pos = match.end()
        if created:
            created[-1].tail = text[pos:]
            setattr(el, attr, lead)
        return created


    def _term(self, term_id: str, text: str) -> list[ET.Element]:
        tip = self.linker.tips.get(term_id)
        if tip is not None:
            return tip_nodes(self.md, tip, term_id, text)
        link = ET.Element("a", {"class": "term", "href": self.linker.term_href(term_id)})
        link.text = text
        return [link]


class _StudyHall(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.parser.blockprocessors.register(_DiagramBlock(md.parser), "diagram", 95)
        md.treeprocessors.register(_LinkTree(md), "studyhall-links", 4)
        md.treeprocessors.register(LabelCells(md), "studyhall-table-labels", 3)


_local = threading.local()


def _markdown(linker: Linker | None) -> markdown.Markdown:
    """This thread's converter, reset for one text: building one costs more than converting."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(
            extensions=[
                "tables", "fenced_code", "admonition", "sane_lists", "codehilite", "toc",
                _StudyHall(),
            ],
            extension_configs={
                "tables": {"use_align_attribute": True},
                "toc": {"toc_depth": "2-3"},
                "codehilite": {"guess_lang": False, "css_class": "codeblock", "wrapcode": True},
            },
            output_format="html",
        )
    md.reset()
    md.treeprocessors["studyhall-links"].use(linker)
    return md


def sanitize(raw_html: str) -> str:
    """Remove everything not on the allow-list: scripts, handlers, styles, unsafe URLs."""
    return nh3.clean(
        raw_html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        allowed_classes=CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str, *, linker: Linker | None = None) -> Rendered:
    """Render Markdown once: tables, anchors, TOC, callouts, code, glossary links; sanitized."""
    md = _markdown(linker)
    # Code blocks and tables may scroll sideways, so keyboard users must be able to focus them.
    clean = sanitize(md.convert(text)).replace("<pre>", '<pre tabindex="0">')
    clean = clean.replace("<table>", '<table tabindex="0">')
    toc = tuple(_flatten(md.toc_tokens))
    words = len(re.sub(r"<[^>]+>", " ", clean).split())
    return Rendered(html=clean, toc=toc, words=words)


def render_inline(text: str, *, linker: Linker | None = None) -> str:
    """Render a one-paragraph Markdown string without its wrapping `<p>`."""
    out = render_markdown(text, linker=linker).html.strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


def split_slots(clean_html: str) -> list[tuple[str, str]]:
    """Split sanitized HTML at diagram slots into ("html", text) and ("diagram", id) parts."""
    parts: list[tuple[str, str]] = []
    pos = 0
    for match in SLOT_RE.finditer(clean_html):
        parts.append(("html", clean_html[pos : match.start()]))
        parts.append(("diagram", match.group(1)))
        pos = match.end()
    parts.append(("html", clean_html[pos:]))
    return [(kind, value) for kind, value in parts if kind == "diagram" or value.strip()]


def _flatten(tokens: list[dict]) -> list[TocEntry]:
    out = []
    for token in tokens:
        if token["level"] in (2, 3):
            name = html.unescape(re.sub(r"<[^>]+>", "", token["name"]))
            out.append(TocEntry(anchor=token["id"], title=name, level=token["level"]))
        out.extend(_flatten(token["children"]))
    return out
