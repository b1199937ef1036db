"""Pure statistics for the instructor side (no Django): see /work/shared/INSTRUCTORS.md."""

from reports.stats.cohort import class_gain, effect_size_dz, hake_band, mean_figure, pooled_section
from reports.stats.figures import Figure, Interval, Tag, Transitions
from reports.stats.intervals import mean_change, t975, wilson
from reports.stats.item import (
    RANDOM_GUESS,
    item_gain,
    mcnemar_exact,
    option_transitions,
    random_guess,
    stubborn_distractors,
    transitions,
)
from reports.stats.learner import normalized_change, normalized_gain, score_pct
from reports.stats.reliability import discrimination, kr20
from reports.stats.tags import item_tags

__all__ = [
    "RANDOM_GUESS",
    "Figure",
    "Interval",
    "Tag",
    "Transitions",
    "class_gain",
    "discrimination",
    "effect_size_dz",
    "hake_band",
    "item_gain",
    "item_tags",
    "kr20",
    "mcnemar_exact",
    "mean_change",
    "mean_figure",
    "normalized_change",
    "normalized_gain",
    "option_transitions",
    "pooled_section",
    "random_guess",
    "score_pct",
    "stubborn_distractors",
    "t975",
    "transitions",
    "wilson",
]
