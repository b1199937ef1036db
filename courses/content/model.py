"""The course as frozen dataclasses: what the loader builds and the pages read."""

from dataclasses import dataclass

from .problems import Problem


@dataclass(frozen=True, kw_only=True)
class TocEntry:
    """One heading in a section's table of contents."""

    anchor: str
    """The heading's id on the page."""
    title: str
    """The heading text."""
    level: int
    """2 for `##`, 3 for `###`."""


@dataclass(frozen=True, kw_only=True)
class DiagramText:
    """One line of text in a diagram, already placed on the canvas."""

    text: str
    """The words of this line."""
    x: float
    """Anchor point, in canvas units."""
    y: float
    """Baseline, in canvas units."""
    anchor: str
    """SVG text-anchor: `start`, `middle` or `end`."""
    role: str
    """`title`, `sub` or `tag`: the stylesheet picks the font size from it."""


@dataclass(frozen=True, kw_only=True)
class DiagramPart:
    """A drawn part of a diagram: a box, zone, lane, label or marker."""

    id: str
    """Id within the diagram, used by connections and steps."""
    kind: str
    """`box`, `zone`, `lane`, `label` or `marker`."""
    label: str
    """Main text."""
    sublabel: str
    """Secondary text, or empty."""
    tone: str
    """`neutral`, `ok`, `bad` or `accent`: colour, always backed by words or shape."""
    x: int
    """Left edge, in canvas units."""
    y: int
    """Top edge, in canvas units."""
    w: int
    """Width, in canvas units."""
    h: int
    """Height, in canvas units."""
    parent: str
    """The zone or lane it sits in, or empty."""
    appears: int
    """The step it first shows at (1: from the start)."""
    highlights: tuple[int, ...]
    """Steps at which it is highlighted."""
    lines: tuple[DiagramText, ...]
    """Its label and sublabel, wrapped and placed."""


@dataclass(frozen=True, kw_only=True)
class DiagramConnection:
    """A line from one part to another: a plain path, an allowed or a blocked flow."""

    id: str
    """Id within the diagram, used by steps and packet routes."""
    source: str
    """Part it starts at."""
    target: str
    """Part it points to."""
    kind: str
    """`path`, `allowed` or `blocked` (dashed, ends in a cross)."""
    label: str
    """Text on the line, or empty."""
    x1: float
    """Start point, on the edge of the source part."""
    y1: float
    """Start point, vertical."""
    x2: float
    """End point: the target's edge, or where a blocked flow is stopped."""
    y2: float
    """End point, vertical."""
    head: str
    """Arrowhead polygon points (empty for a blocked connection)."""
    cross: str
    """Path of the stop cross (blocked connections only)."""
    tag: tuple[float, float, float, float]
    """Label background rectangle: x, y, width, height (zeros without a label)."""
    label_lines: tuple[DiagramText, ...]
    """The label, wrapped and placed."""
    appears: int
    """The step it first shows at (1: from the start)."""
    highlights: tuple[int, ...]
    """Steps at which it is highlighted."""


@dataclass(frozen=True, kw_only=True)
class DiagramTravel:
    """A packet moving along a chain of connections during one step."""

    along: tuple[str, ...]
    """Connection ids, each starting where the one before ends."""
    ms: int
    """How long the trip takes, in milliseconds."""


@dataclass(frozen=True, kw_only=True)
class DiagramStep:
    """One step of a diagram."""

    caption: str
    """What this step shows, read aloud and listed as the text alternative."""
    show: tuple[str, ...]
    """Parts and connections that appear at this step."""
    highlight: tuple[str, ...]
    """Parts and connections emphasised during this step."""
    travel: tuple[DiagramTravel, ...]
    """Packets that move during this step."""
    ms: int
    """How long Play stays on this step, in milliseconds."""


@dataclass(frozen=True, kw_only=True)
class Diagram:
    """An animated diagram placed in a section with `[[diagram: id]]`."""

    id: str
    """Stable id, also the file name."""
    title: str
    """Figure title."""
    summary: str
    """Figure caption: what the whole diagram shows."""
    scale_note: str
    """How the animation's timing relates to real time, or empty."""
    width: int
    """Canvas width, in units (the SVG viewBox)."""
    height: int
    """Canvas height, in units."""
    parts: tuple[DiagramPart, ...]
    """Drawn parts, back to front."""
    connections: tuple[DiagramConnection, ...]
    """Lines between parts, drawn above the parts."""
    steps: tuple[DiagramStep, ...]
    """Ordered steps."""

    @property
    def containers(self) -> tuple[DiagramPart, ...]:
        """Zones and lanes: drawn first, under the connections."""
        return tuple(p for p in self.parts if p.kind in ("zone", "lane"))

    @property
    def pieces(self) -> tuple[DiagramPart, ...]:
        """Every other part: drawn above the connections."""
        return tuple(p for p in self.parts if p.kind not in ("zone", "lane"))

    @property
    def packets(self) -> tuple[tuple[int, DiagramTravel], ...]:
        """(step number, trip) for every packet a step sends."""
        return tuple((n, t) for n, step in enumerate(self.steps, 1) for t in step.travel)


@dataclass(frozen=True, kw_only=True)
class BodyPart:
    """A piece of a section body: sanitized HTML, or a diagram placed between prose."""

    html: str = ""
    """Sanitized HTML (empty for a diagram part)."""
    diagram: Diagram | None = None
    """The diagram placed here, if this part is one."""


@dataclass(frozen=True, kw_only=True)
class Section:
    """One section of a chapter: a page of reading."""

    id: str
    """Stable id, also the URL slug."""
    number: int
    """1-based position in the chapter."""
    url: str
    """Where the section is read (from the site's URL scheme, resolved once at load)."""
    title: str
    """Section title."""
    summary: str
    """One plain sentence for the chapter page."""
    body: tuple[BodyPart, ...]
    """The rendered body, prose and diagrams in order."""
    toc: tuple[TocEntry, ...]
    """The section's `##`/`###` headings."""
    takeaway_html: str
    """The key takeaway, sanitized HTML."""
    words: int
    """Word count of the body."""
    reading_minutes: int
    """Estimated reading time."""
    version: str
    """Short hash of the source file: changes whenever the section is edited."""


@dataclass(frozen=True, kw_only=True)
class Term:
    """A glossary term."""

    id: str
    """Stable id, the glossary anchor is `term-<id>`."""
    term: str
    """The term as written."""
    definition_html: str
    """Definition, sanitized HTML."""
    section_id: str
    """The section that teaches it."""
    anchor: str = ""
    """The heading in that section that teaches it (empty: the section's top)."""
    aliases: tuple[str, ...]
    """Other spellings linked on first use."""


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One option of a question."""

    id: str
    """Stable id within the question."""
    text: str
    """The option as shown."""
    why_wrong_html: str
    """Why this option is wrong (empty for the right one), sanitized HTML."""


@dataclass(frozen=True, kw_only=True)
class Question:
    """A multiple-choice question."""

    id: str
    """Stable id."""
    section_id: str
    """The section that teaches it."""
    anchor: str
    """Heading anchor in that section, or empty."""
    prompt: str
    """The question."""
    choices: tuple[Choice, ...]
    """Options in authored order."""
    answer: str
    """Id of the right choice."""
    explanation_html: str
    """Why the answer is right, sanitized HTML."""
    version: str
    """Short hash of everything above: a changed question gets a new version."""


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """A pre- or post-study assessment: an ordered list of questions."""

    id: str
    """Stable id."""
    kind: str
    """`pre` or `post`."""
    title: str
    """Title."""
    intro_html: str
    """Introduction, sanitized HTML."""
    question_ids: tuple[str, ...]
    """Questions asked, in order."""
    answers: str = "on_submit"
    """When results show right answers and explanations: `on_submit`, or `after_post` (after
    the learner's first post-study attempt, so the post-study score is not a memory test)."""


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """A chapter: objectives, sections, glossary, assessments and diagrams."""

    id: str
    """Stable id, also the URL slug."""
    number: int
    """Chapter number in the book."""
    url: str
    """The chapter overview page."""
    glossary_url: str
    """The chapter's glossary page."""
    title: str
    """Title."""
    summary_html: str
    """Summary, sanitized HTML."""
    objectives: tuple[str, ...]
    """Learning objectives, each sanitized inline HTML."""
    sections: tuple[Section, ...]
    """Sections in reading order."""
    terms: tuple[Term, ...]
    """Glossary, alphabetical."""
    questions: tuple[Question, ...]
    """All questions of the chapter."""
    assessments: tuple[Assessment, ...]
    """Pre/post assessments."""
    diagrams: tuple[Diagram, ...]
    """Diagrams in the chapter folder."""

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time of the whole chapter."""
        return sum(s.reading_minutes for s in self.sections)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any."""
        return next((s for s in self.sections if s.id == section_id), None)

    def neighbours(self, section: Section) -> tuple[Section | None, Section | None]:
        """The sections before and after `section`."""
        i = section.number - 1
        before = self.sections[i - 1] if i > 0 else None
        after = self.sections[i + 1] if i + 1 < len(self.sections) else None
        return before, after


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A headline figure of a skill guide."""

    value: str
    """The figure as shown (`9.2`, `15%`)."""
    label: str
    """What it counts."""
    note_html: str
    """Optional explanation, sanitized HTML."""


@dataclass(frozen=True, kw_only=True)
class PathStep:
    """One step of a learning-path level."""

    title: str
    """Step title."""
    body_html: str
    """What to do, sanitized HTML."""


@dataclass(frozen=True, kw_only=True)
class PathLevel:
    """One level of the learning path."""

    level: str
    """`beginner`, `intermediate` or `advanced`."""
    title: str
    """Level title."""
    steps: tuple[PathStep, ...]
    """Steps in order."""
    mistake_html: str
    """A mistake to avoid at this level, or empty."""


@dataclass(frozen=True, kw_only=True)
class Project:
    """A practice project."""

    id: str
    """Stable id."""
    level: str
    """`beginner`, `intermediate` or `advanced`."""
    title: str
    """Title."""
    scenario_html: str
    """The scenario, sanitized HTML."""
    steps: tuple[str, ...]
    """How to execute it, each step sanitized inline HTML."""


@dataclass(frozen=True, kw_only=True)
class Tool:
    """A tool within a tool group."""

    name: str
    """Tool name."""
    purpose_html: str
    """What it is for, sanitized inline HTML."""


@dataclass(frozen=True, kw_only=True)
class ToolGroup:
    """A group of related tools."""

    title: str
    """Group title."""
    summary_html: str
    """How the group fits together, sanitized HTML."""
    tools: tuple[Tool, ...]
    """Tools in the group."""


@dataclass(frozen=True, kw_only=True)
class InterviewQuestion:
    """An interview question with its answer strategy."""

    id: str
    """Stable id."""
    question: str
    """The question."""
    tests_html: str
    """What the interviewer is testing."""
    strategy_html: str
    """How to structure the answer."""
    sample_answer_html: str
    """A model answer."""


@dataclass(frozen=True, kw_only=True)
class Guide:
    """A skill guide."""

    id: str
    """Stable id, also the URL slug."""
    url: str
    """The guide's page."""
    title: str
    """Title."""
    summary_html: str
    """What the skill is."""
    why_html: str
    """Why it matters."""
    figures: tuple[Figure, ...]
    """Headline figures."""
    learning_path: tuple[PathLevel, ...]
    """Levels in order."""
    projects: tuple[Project, ...]
    """Practice projects."""
    tool_groups: tuple[ToolGroup, ...]
    """Tools by group."""
    interview_questions: tuple[InterviewQuestion, ...]
    """Interview questions."""
    careers_note_html: str
    """Note on careers, or empty."""
    version: str
    """Short hash of the source file."""


@dataclass(frozen=True, kw_only=True)
class Course:
    """The whole course."""

    id: str
    """Stable id."""
    title: str
    """Title."""
    summary_html: str
    """Summary, sanitized HTML."""
    version: str
    """Author-set version (`course.yaml`)."""
    content_hash: str
    """Short hash of every content file: changes with any edit."""
    chapters: tuple[Chapter, ...]
    """Chapters by number."""
    guides: tuple[Guide, ...]
    """Skill guides by title."""
    warnings: tuple[Problem, ...] = ()
    """Item-writing cues and other things worth a look that do not stop the course loading."""

    def chapter(self, chapter_id: str) -> Chapter | None:
        """The chapter with this id, if any."""
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def guide(self, guide_id: str) -> Guide | None:
        """The guide with this id, if any."""
        return next((g for g in self.guides if g.id == guide_id), None)
