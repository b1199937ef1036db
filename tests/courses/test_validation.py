"""Broken content: every problem is reported at once, each as path:line: message."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.checks import content_is_valid
from courses.content import ContentError, load_course

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CH = "chapters/basics"

EXPECTED_BROKEN = [
    "broken/chapters/basics/assessment.yaml:3: kind must be one of pre, post, not 'before'",
    "broken/chapters/basics/assessment.yaml:5: assessment refers to unknown question 'q9'",
    "broken/chapters/basics/assessment.yaml:9: section 'alpha' has no heading '#missing-heading'",
    "broken/chapters/basics/assessment.yaml:16: answer 'c' is not one of the choices ['a', 'b']",
    "broken/chapters/basics/assessment.yaml:20: 'prompt' in question must be text, not a list",
    "broken/chapters/basics/assessment.yaml:21: a question needs at least two choices",
    "broken/chapters/basics/assessment.yaml:22: choice 'no' is the answer but has 'why_wrong'",
    "broken/chapters/basics/chapter.yaml:5: duplicate key 'summary' (first given on line 4)",
    "broken/chapters/basics/chapter.yaml:10: section 'beta' is listed but no file in sections/ "
    "has that id",
    "broken/chapters/basics/chapter.yaml:11: section 'gamma' is listed but no file in sections/ "
    "has that id",
    "broken/chapters/basics/diagrams/flow.yaml:6: diagram step is missing required field 'caption'",
    "broken/chapters/basics/diagrams/flow.yaml:6: unknown field 'words' in diagram step "
    "(expected: caption, show, highlight, travel, ms)",
    "broken/chapters/basics/glossary.yaml:5: term refers to unknown section 'omega'",
    "broken/chapters/basics/glossary.yaml:6: duplicate term id 'widget' (first used on line 2)",
    "broken/chapters/basics/sections/01-alpha.md:2: section front matter is missing required "
    "field 'takeaway'",
    "broken/chapters/basics/sections/01-alpha.md:8: unknown diagram 'nowhere' (diagrams/ has: flow)",
    "broken/chapters/basics/sections/01-alpha.md:10: link to unknown term 'nothing'",
    "broken/chapters/basics/sections/02-beta.md:1: missing front matter: the file must start "
    "with a line '---'",
    "broken/course.yaml:4: 'version' in course must be text, but YAML read it as the number 1.1; "
    "put the value in quotes",
    "broken/course.yaml:5: unknown field 'titel' in course (expected: id, title, summary, version)",
]


def test_validate_content_lists_every_problem_and_exits_1(capsys):
    with pytest.raises(CommandError, match="20 problem"):
        call_command("validate_content", str(FIXTURES / "broken"))
    assert capsys.readouterr().err.splitlines() == EXPECTED_BROKEN


def test_validate_content_exit_status_is_1_from_the_shell():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "validate_content", str(FIXTURES / "broken")],
        capture_output=True,
        text=True,
        cwd=FIXTURES.parents[1],
        check=False,
    )
    assert result.returncode == 1
    assert EXPECTED_BROKEN[0] in result.stderr


def test_validate_content_says_ok_for_good_content(capsys):
    call_command("validate_content", str(FIXTURES / "content"))
    assert (
        "OK: 1 chapter(s), 2 sections, 1 terms, 1 questions, 1 guide(s)" in capsys.readouterr().out
    )


def test_system_check_refuses_broken_content(settings):
    settings.CONTENT_DIR = FIXTURES / "broken"
    errors = content_is_valid(None)
    assert [e.msg for e in errors] == EXPECTED_BROKEN
    assert {e.id for e in errors} == {"courses.E001"}


def test_system_check_passes_real_content():
    assert content_is_valid(None) == []


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(root)
    return [str(p) for p in caught.value.problems]


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text()
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "course.yaml",
            "title: Fixture Course",
            "title: A\ntitle: B",
            "content/course.yaml:3: duplicate key 'title' (first given on line 2)",
        ),
        (
            "course.yaml",
            "id: fixture-course",
            "id: Fixture Course",
            "content/course.yaml:1: 'id' in course 'Fixture Course' is not a valid id (use lowercase words-with-hyphens)",
        ),
        (
            "course.yaml",
            'version: "1.10"',
            "version: 2024-01-01",
            "content/course.yaml:4: 'version' in course must be text, but YAML read it as the date",
        ),
        (
            "course.yaml",
            "summary: A tiny course for loader tests.",
            "summary: [unclosed",
            "content/course.yaml:4: YAML:",
        ),
        (
            f"{CH}/chapter.yaml",
            "number: 1",
            "number: one",
            f"content/{CH}/chapter.yaml:2: 'number' in chapter must be a whole number, not text",
        ),
        (
            f"{CH}/chapter.yaml",
            "  - beta\n",
            "  - beta\n  - alpha\n",
            f"content/{CH}/chapter.yaml:11: duplicate section id 'alpha' (first used on line 9)",
        ),
        (
            f"{CH}/sections/02-beta.md",
            "id: beta",
            "id: alpha",
            f"content/{CH}/sections/02-beta.md:2: duplicate section id 'alpha'",
        ),
        (
            f"{CH}/sections/02-beta.md",
            "takeaway: Beta matters too.\n---",
            "takeaway: x",
            f"content/{CH}/sections/02-beta.md:1: front matter is not closed",
        ),
        (
            f"{CH}/sections/02-beta.md",
            "title: Beta",
            "title: Beta\nauthor: me",
            f"content/{CH}/sections/02-beta.md:4: unknown field 'author' in section front matter",
        ),
        (
            f"{CH}/sections/01-alpha.md",
            "[beta](section:beta#second-part)",
            "[b](section:beta#nope)",
            f"content/{CH}/sections/01-alpha.md:20: section 'beta' has no heading '#nope'",
        ),
        (
            f"{CH}/sections/01-alpha.md",
            "[beta](section:beta#second-part)",
            "[b](section:zeta)",
            f"content/{CH}/sections/01-alpha.md:20: link to unknown section 'zeta'",
        ),
        (
            f"{CH}/sections/01-alpha.md",
            "id: alpha",
            "id: glossary",
            f"content/{CH}/sections/01-alpha.md:2: section id 'glossary' is reserved",
        ),
        (
            f"{CH}/glossary.yaml",
            "    section: alpha",
            "    section: alpha\n    aliases: [Widget]",
            f"content/{CH}/glossary.yaml:2: spelling 'Widget' is already used by term 'widget'",
        ),
        (
            f"{CH}/assessment.yaml",
            "    kind: post",
            "    kind: pre",
            f"content/{CH}/assessment.yaml:6: duplicate assessment kind 'pre' (first used on line 2)",
        ),
        (
            f"{CH}/assessment.yaml",
            "      - id: b\n",
            "      - id: a\n",
            f"content/{CH}/assessment.yaml:18: duplicate choice id 'a' (first used on line 16)",
        ),
        (
            f"{CH}/assessment.yaml",
            "        why_wrong: It is a letter.\n",
            "",
            f"content/{CH}/assessment.yaml:18: wrong choice 'b' needs 'why_wrong'",
        ),
        (
            f"{CH}/assessment.yaml",
            "    section: alpha",
            "    section: omega",
            f"content/{CH}/assessment.yaml:12: question refers to unknown section 'omega'",
        ),
        (
            f"{CH}/diagrams/flow.yaml",
            "id: flow",
            "id: flow\nid: flow2",
            f"content/{CH}/diagrams/flow.yaml:2: duplicate key 'id'",
        ),
        (
            "guides/skill.yaml",
            "  - level: beginner\n    title: Start",
            "  - level: expert\n    title: Start",
            "content/guides/skill.yaml:9: level must be one of beginner, intermediate, advanced",
        ),
        (
            "guides/skill.yaml",
            "  - id: p1\n",
            "  - id: p1\n    difficulty: 3\n",
            "content/guides/skill.yaml:17: unknown field 'difficulty' in project",
        ),
    ],
)
def test_each_problem_is_reported_with_path_and_line(tree, name, old, new, expected):
    edit(tree, name, old, new)
    found = problems(tree)
    assert any(p.startswith(expected) for p in found), found


def test_yaml_1_1_no_stays_text(tree):
    edit(tree, f"{CH}/glossary.yaml", "definition: A small thing.", "definition: no")
    course = load_course(tree)
    assert course.chapters[0].terms[0].definition_html == "no"


def test_a_true_boolean_where_text_belongs_is_reported(tree):
    edit(tree, f"{CH}/glossary.yaml", "definition: A small thing.", "definition: true")
    assert problems(tree) == [
        f"content/{CH}/glossary.yaml:4: 'definition' in term must be text, but YAML read it as "
        "the boolean True; put the value in quotes"
    ]


def test_all_problems_come_at_once(tree):
    edit(tree, "course.yaml", "title: Fixture Course", "titel: Fixture Course")
    edit(tree, f"{CH}/glossary.yaml", "section: alpha", "section: nowhere")
    edit(tree, f"{CH}/assessment.yaml", "answer: a", "answer: z")
    assert len(problems(tree)) == 4  # unknown field + missing title + section + answer
