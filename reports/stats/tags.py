"""Item tags: already known, taught, stubborn misconception, regressed; each with rule and n."""

from reports.stats.figures import Figure, Tag, Transitions

KNOWN_P_PRE = 0.8
TAUGHT_P = 0.05
STUBBORN_MIN = 2


def item_tags(
    *, p_pre: Figure, t: Transitions, mcnemar: Figure, stubborn: dict[str, int]
) -> list[Tag]:
    """The tags an item earns, in a fixed order, each with the rule that set it."""
    tags: list[Tag] = []
    if p_pre.value is not None and p_pre.value >= KNOWN_P_PRE:
        tags.append(Tag(code="known", label="Already known", rule="p_pre >= 0.8", n=p_pre.n))
    if t.wr > t.rw and mcnemar.value is not None and mcnemar.value < TAUGHT_P:
        tags.append(Tag(code="taught", label="Taught", rule="WR > RW and McNemar p < 0.05", n=t.n))
    if any(count >= STUBBORN_MIN for count in stubborn.values()):
        rule = "one distractor chosen before and after by >= 2 learners"
        tags.append(Tag(code="stubborn", label="Stubborn misconception", rule=rule, n=t.n))
    if t.rw > t.wr:
        tags.append(Tag(code="regressed", label="Regressed", rule="RW > WR", n=t.n))
    return tags
