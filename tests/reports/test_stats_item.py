"""Per-item statistics and tags against hand-computed values."""

import pytest

from reports.stats import (
    RANDOM_GUESS,
    Figure,
    Transitions,
    item_gain,
    item_tags,
    mcnemar_exact,
    option_counts,
    option_transitions,
    p_post,
    p_pre,
    random_guess,
    stubborn_distractors,
    top_wrong_choice,
    transitions,
)


def test_transitions() -> None:
    pairs = [(True, True), (True, False), (False, True), (False, True), (False, False)]
    t = transitions(pairs)
    assert (t.rr, t.rw, t.wr, t.ww, t.n) == (1, 1, 2, 1, 5)


def test_item_gain() -> None:
    figure = item_gain(Transitions(rr=2, rw=1, wr=5, ww=2))
    assert figure.value == pytest.approx(4 / 7)  # (5 - 1) / (5 + 2)
    assert figure.n == 7


def test_item_gain_undefined_when_nobody_was_wrong() -> None:
    figure = item_gain(Transitions(rr=4, rw=1, wr=0, ww=0))
    assert figure.value is None and "wrong before" in figure.reason


@pytest.mark.parametrize(
    ("wr", "rw", "p"),
    [
        (6, 0, 0.03125),  # 2 * C(6,0) / 64
        (5, 0, 0.0625),  # 2 * 1 / 32
        (7, 2, 0.1796875),  # 2 * (1 + 9 + 36) / 512 = 92 / 512
        (3, 3, 1.0),  # 2 * (1 + 6 + 15 + 20) / 64 > 1
        (0, 1, 1.0),  # 2 * 1 / 2
    ],
)
def test_mcnemar_exact(wr: int, rw: int, p: float) -> None:
    figure = mcnemar_exact(Transitions(rr=3, rw=rw, wr=wr, ww=2))
    assert figure.value == pytest.approx(p)
    assert figure.n == wr + rw


def test_mcnemar_no_test_when_m_0() -> None:
    figure = mcnemar_exact(Transitions(rr=3, rw=0, wr=0, ww=2))
    assert figure.value is None and "no test" in figure.reason


def test_mcnemar_says_small_m_cannot_reach_significance() -> None:
    assert "m <= 5" in mcnemar_exact(Transitions(rr=0, rw=0, wr=5, ww=0)).reason
    assert mcnemar_exact(Transitions(rr=0, rw=0, wr=6, ww=0)).reason == ""


def test_option_transitions_and_stubborn_distractors() -> None:
    pairs = [("b", "b"), ("b", "b"), ("c", "c"), ("a", "a"), (None, None), ("b", "c"), ("b", "a")]
    assert option_transitions(pairs) == {
        ("b", "b"): 2,
        ("c", "c"): 1,
        ("a", "a"): 1,
        (None, None): 1,
        ("b", "c"): 1,
        ("b", "a"): 1,
    }
    assert stubborn_distractors(pairs, right="a") == {"b": 2, "c": 1}


def test_random_guess() -> None:
    assert random_guess(4) == 0.25
    assert RANDOM_GUESS(5) == 0.2
    with pytest.raises(ValueError, match="at least one option"):
        random_guess(0)


def codes(**kwargs: object) -> list[str]:
    """The tag codes for the given inputs."""
    return [tag.code for tag in item_tags(**kwargs)]  # type: ignore[arg-type]


def test_item_tags() -> None:
    taught = Transitions(rr=1, rw=0, wr=6, ww=3)
    tags = item_tags(
        p_pre=Figure(value=0.1, n=10), t=taught, mcnemar=mcnemar_exact(taught), stubborn={"b": 2}
    )
    assert [(tag.code, tag.rule, tag.n) for tag in tags] == [
        ("taught", "WR > RW and McNemar p < 0.05", 10),
        ("stubborn", "one distractor chosen before and after by >= 2 learners", 10),
    ]


def test_item_tags_known_and_regressed() -> None:
    t = Transitions(rr=7, rw=3, wr=1, ww=0)
    assert codes(p_pre=Figure(value=0.8, n=11), t=t, mcnemar=mcnemar_exact(t), stubborn={}) == [
        "known",
        "regressed",
    ]


def test_item_tags_not_taught_when_m_too_small() -> None:
    t = Transitions(rr=1, rw=0, wr=5, ww=4)  # p = 0.0625
    assert (
        codes(p_pre=Figure(value=0.1, n=10), t=t, mcnemar=mcnemar_exact(t), stubborn={"b": 1}) == []
    )


def test_item_tags_undefined_p_pre() -> None:
    t = Transitions(rr=0, rw=0, wr=0, ww=0)
    empty = Figure(value=None, n=0, reason="no learners")
    assert codes(p_pre=empty, t=t, mcnemar=mcnemar_exact(t), stubborn={}) == []


def test_p_pre_and_p_post_with_wilson_intervals() -> None:
    t = Transitions(rr=2, rw=1, wr=5, ww=2)  # n = 10
    pre, post = p_pre(t), p_post(t)
    assert (pre.value, pre.n) == (0.3, 10)  # (2 + 1) / 10
    assert pre.lo == pytest.approx(0.10779, abs=1e-5)  # as wilson(3, 10)
    assert post.value == 0.7  # (2 + 5) / 10
    assert post.hi == pytest.approx(1 - 0.10779, abs=1e-5)  # Wilson is symmetric: 1 - lo of 3/10
    assert p_pre(Transitions(rr=0, rw=0, wr=0, ww=0)).value is None


def test_option_counts_and_top_wrong_choice() -> None:
    counts = option_counts(["a", "b", "c", "b", None, "c", "a", "a"])
    assert counts == {"a": 3, "b": 2, "c": 2, None: 1}
    assert top_wrong_choice(counts, right="a") == "b"  # b and c tie at 2: lowest id
    assert top_wrong_choice({"a": 4, None: 2}, right="a") is None
    assert top_wrong_choice({}, right="a") is None


def test_item_tags_take_an_interval_for_p_pre() -> None:
    t = Transitions(rr=8, rw=0, wr=1, ww=1)
    assert codes(p_pre=p_pre(t), t=t, mcnemar=mcnemar_exact(t), stubborn={}) == ["known"]  # 8/10
