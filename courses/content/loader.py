"""Load a whole content folder into a `Course`, or raise `ContentError` with every problem."""

from pathlib import Path

from .chapters import Urls, load_chapter
from .fields import FileReader, Id
from .files import read_yaml, short_hash
from .model import Course
from .problems import ContentError, Problem
from .guides import load_guide
from .render import render_markdown


def load_course(root: Path, *, urls: Urls | None = None) -> Course:
    """Read `root` (a content folder) and return the validated, rendered course."""
    root = Path(root)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not (root / "course.yaml").is_file():
        raise ContentError([Problem(path=str(root / "course.yaml"), line=1, message="missing file")])
    data, source = read_yaml(root / "course.yaml", root, problems)
    f = {}
    if source is not None and data is not None:
        r = FileReader(source.shown, problems)
        required = {"id": Id, "title": str, "summary": str, "version": str}
        f = r.fields(data, 1, "course", required=required)
    urls = urls or Urls()
    folders = sorted(p for p in (root / "chapters").glob("*") if p.is_dir())
    chapters = [load_chapter(folder, root, problems, urls, warnings=warnings) for folder in folders]
    guide_files = sorted((root / "guides").glob("*.yaml"))
    guides = [load_guide(path, root, problems, urls.guide) for path in guide_files]
    _unique_numbers(chapters, problems, root)
    if problems:
        raise ContentError(problems)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".md"})
    content_hash = short_hash(*(f"{p.relative_to(root)}\0{p.read_text()}" for p in files))
    return Course(
        id=f["id"], title=f["title"], summary_html=render_markdown(f["summary"]).html,
        version=f["version"], content_hash=content_hash,
        chapters=tuple(sorted(chapters, key=lambda c: c.number)),
        guides=tuple(sorted(guides, key=lambda g: g.title.casefold())),
        warnings=tuple(sorted(warnings, key=lambda w: (w.path, w.line))),
    )


def _unique_numbers(chapters: list, problems: list[Problem], root: Path) -> None:
    seen: dict[object, str] = {}
    for chapter in filter(None, chapters):
        for key, label in ((chapter.number, "number"), (chapter.id, "id")):
            if key in seen:
                problems.append(
                    Problem(
                        path=f"{root.name}/chapters/{chapter.id}/chapter.yaml",
                        line=1,
                        message=f"chapter {label} {key} is also used by chapter '{seen[key]}'",
                    )
                )
            seen[key] = chapter.id
