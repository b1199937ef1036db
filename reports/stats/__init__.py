"""Pure statistics for the instructor side (no Django): see /work/shared/INSTRUCTORS.md."""

from reports.stats.cohort import (
    class_gain,
    effect_size_dz,
    hake_band,
    mean_figure,
    pooled_section,
    pooled_section_sums,
)
from reports.stats.figures import Figure, Interval, Tag, Transitions
from reports.stats.intervals import mean_change, t975, wilson
from reports.stats.item import (
    RANDOM_GUESS,
    item_gain,
    kept_options,
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
from reports.stats.learner import normalized_change, normalized_gain, score_pct
from reports.stats.privacy import MIN_ANONYMIZED, anonymized_allowed, suppress_small
from reports.stats.reliability import discrimination, discrimination_from_sums, kr20, kr20_from_sums
from reports.stats.tags import item_tags

__all__ = [
    "MIN_ANONYMIZED",
    "RANDOM_GUESS",
    "Figure",
    "Interval",
    "Tag",
    "Transitions",
    "anonymized_allowed",
    "class_gain",
    "discrimination",
    "discrimination_from_sums",
    "effect_size_dz",
    "hake_band",
    "item_gain",
    "item_tags",
    "kept_options",
    "kr20",
    "kr20_from_sums",
    "mcnemar_exact",
    "mean_change",
    "mean_figure",
    "normalized_change",
    "normalized_gain",
    "option_counts",
    "option_transitions",
    "p_post",
    "p_pre",
    "pooled_section",
    "pooled_section_sums",
    "random_guess",
    "score_pct",
    "stubborn_distractors",
    "suppress_small",
    "t975",
    "top_wrong_choice",
    "transitions",
    "wilson",
]
