"""Item-writing flags: warnings that name the cue, never errors that stop the course loading."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from courses.catalog import get_course
from courses.checks import content_is_valid
from courses.content import Flag, item_flags, load_course
from courses.content.model import Choice, Question

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ASSESSMENT = "chapters/basics/assessment.yaml"


def question(answer: str, *texts: str) -> Question:
    """A question with options a, b, c... holding the given texts."""
    choices = tuple(
        Choice(
            id=chr(97 + i), text=text, why_wrong_html="" if chr(97 + i) == answer else "<p>No</p>"
        )
        for i, text in enumerate(texts)
    )
    return Question(
        id="q",
        section_id="s",
        anchor="",
        prompt="Which?",
        choices=choices,
        answer=answer,
        explanation_html="",
        version="v",
    )


def codes(q: Question) -> list[str]:
    """The flag codes of a question."""
    return [flag.code for flag in item_flags(q)]


def test_right_option_strictly_longest_is_flagged() -> None:
    flags = item_flags(question("b", "Short", "The much longer right one", "Medium one"))
    assert [f.code for f in flags] == ["longest-right"]
    assert "'b' is the longest (25 characters, the next 10)" in flags[0].message


def test_a_tie_for_longest_is_not_flagged() -> None:
    assert codes(question("a", "A letter", "A number")) == []


def test_a_longer_wrong_option_is_not_flagged() -> None:
    assert codes(question("a", "Right", "A longer wrong option")) == []


@pytest.mark.parametrize("text", ["All of the above", "None of the above.", "none OF the Above"])
def test_all_or_none_of_the_above_is_flagged(text: str) -> None:
    flags = item_flags(question("a", "Right one here", "Wrong", text))
    assert [f.code for f in flags] == ["of-the-above"]
    assert "option(s) c say 'all/none of the above'" in flags[0].message


def test_both_flags_come_in_a_fixed_order() -> None:
    q = question("c", "One", "Two", "All of the above are right")
    assert codes(q) == ["longest-right", "of-the-above"]


def test_words_merely_near_the_cue_are_not_flagged() -> None:
    assert codes(question("b", "Rise above it", "Fall", "All of it")) == []


def test_real_chapter_flags_10_of_12_questions_for_the_longest_option() -> None:
    chapter = get_course().chapters[0]
    flagged = {q.id for q in chapter.questions if "longest-right" in codes(q)}
    assert len(chapter.questions) == 12
    assert len(flagged) == 10
    assert {q.id for q in chapter.questions} - flagged == {
        "pss-inference-profile",
        "hipaa-controls",
    }
    assert not any("of-the-above" in codes(q) for q in chapter.questions)


def test_real_content_loads_with_warnings_and_the_system_check_passes() -> None:
    course = get_course()
    assert len(course.warnings) == 10
    assert str(course.warnings[0]).startswith(
        "content/chapters/networking-security/assessment.yaml:45: warning: question "
        "'rdma-advantage': the right option 'b' is the longest"
    )
    assert content_is_valid(None) == []


@pytest.fixture
def flagged_tree(tmp_path: Path) -> Path:
    """The fixture course with its one question given an 'all of the above' right option."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    path = root / ASSESSMENT
    path.write_text(path.read_text().replace("text: A letter", "text: All of the above"))
    return root


def test_loader_collects_flags_as_warnings_with_path_and_line(flagged_tree: Path) -> None:
    course = load_course(flagged_tree)
    assert [str(w) for w in course.warnings] == [
        f"content/{ASSESSMENT}:11: warning: question 'q1': the right option 'a' is the longest "
        "(16 characters, the next 8): test-wise learners pick it without knowing",
        f"content/{ASSESSMENT}:11: warning: question 'q1': option(s) a say 'all/none of the above': "
        "a learner can reach it by elimination",
    ]


def test_validate_content_prints_warnings_and_says_ok(flagged_tree: Path, capsys) -> None:
    call_command("validate_content", str(flagged_tree))
    out = capsys.readouterr().out
    assert f"content/{ASSESSMENT}:11: warning: question 'q1'" in out
    assert "OK: 1 chapter(s)" in out and "2 warning(s)" in out


def test_validate_content_exits_0_with_only_warnings(flagged_tree: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "validate_content", str(flagged_tree)],
        capture_output=True,
        text=True,
        cwd=FIXTURES.parents[1],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "all/none of the above" in result.stdout


def test_unflagged_content_has_no_warnings() -> None:
    assert load_course(FIXTURES / "content").warnings == ()
    assert Flag(code="x", message="y").code == "x"
