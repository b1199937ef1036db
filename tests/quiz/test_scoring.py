"""Scoring and learning gain: pure rules."""

import pytest

from quiz.scoring import Asked, compare, normalized_gain, score


def asked(qid: str, chosen: str | None, answer: str = "b", removed: bool = False) -> Asked:
    return Asked(question_id=qid, answer_id=answer, chosen_id=chosen, removed=removed)


def test_score_counts_right_answers_and_unanswered_as_wrong():
    result = score([asked("q1", "b"), asked("q2", "a"), asked("q3", None)])
    assert (result.correct, result.counted) == (1, 3)
    assert result.percent == pytest.approx(100 / 3)


def test_removed_questions_are_not_counted():
    result = score([asked("q1", "b"), asked("q2", "a", removed=True)])
    assert (result.correct, result.counted) == (1, 1)


def test_empty_attempt_scores_zero_percent():
    assert score([]).percent == 0.0


@pytest.mark.parametrize(
    ("pre", "post", "gain"),
    [
        (50, 100, 1.0),
        (50, 75, 0.5),
        (0, 50, 0.5),
        (40, 40, 0.0),
        (80, 60, -1.0),
        (100, 100, None),
        (100, 50, None),
    ],
)
def test_normalized_gain(pre, post, gain):
    assert normalized_gain(pre, post) == (pytest.approx(gain) if gain is not None else None)


def test_compare_uses_the_same_items_and_classifies_each_change():
    pre = [asked("q1", "a"), asked("q2", "b"), asked("q3", "a"), asked("q4", "b"), asked("q5", "b")]
    post = [
        asked("q1", "b"),
        asked("q2", "a"),
        asked("q3", "a"),
        asked("q4", "b"),
        asked("q6", "b"),
    ]
    result = compare(pre, post)
    assert result.changes == {
        "q1": "wrong_to_right",
        "q2": "right_to_wrong",
        "q3": "still_wrong",
        "q4": "kept_right",
    }
    assert (result.pre.correct, result.post.correct, result.pre.counted) == (2, 2, 4)
    assert result.gain == pytest.approx(0.0)


def test_compare_gain_when_pre_was_perfect_is_undefined():
    pre = [asked("q1", "b")]
    assert compare(pre, [asked("q1", "b")]).gain is None


def test_compare_leaves_out_removed_questions():
    result = compare(
        [asked("q1", "a"), asked("q2", "a")], [asked("q1", "b"), asked("q2", "b", removed=True)]
    )
    assert result.changes == {"q1": "wrong_to_right"}
    assert result.gain == pytest.approx(1.0)
