"""summary.json of a cohort: the overview's header figures from `cohort_report`, with their n."""

import json

from courses.catalog import get_course

from .cohort import CohortReport
from .cohort_files import MIN_ANONYMIZED, num, utc
from .stats import Figure, Interval

FORMULAS = {
    "score_pct": "100 * correct / counted",
    "gain_g": "(post - pre) / (100 - pre); undefined when pre = 100",
    "change_c": "(post - pre) / (100 - pre) if post > pre; (post - pre) / pre if post < pre; "
    "0 if equal; dropped when pre = post = 0 or 100",
    "class_gain": "(mean post - mean pre) / (100 - mean pre)",
    "mean_change": "mean(post - pre) +- t(0.975, n-1) * sd / sqrt(n)",
    "effect_size_dz": "mean(post - pre) / sd(post - pre)",
    "kr20_pre": "k/(k-1) * (1 - sum p(1-p) / var_total), population variance",
}


def _figure(value: Figure | Interval) -> dict:
    out = {"value": num(value), "n": value.n, "reason": value.reason or None}
    if isinstance(value, Interval):
        out |= {"lo": num(value.lo), "hi": num(value.hi)}
    return out


def summary(report: CohortReport, *, anonymized: bool) -> dict:
    """summary.json: the header figures with their n, formulas, thresholds, filters, versions."""
    h = report.header
    return {
        "cohort": report.cohort_name,
        "chapter_id": report.chapter_id,
        "chapter_title": report.chapter_title,
        "generated_at": utc(report.generated_at),
        "app_version": "studyhall",
        "content_version": get_course().content_hash,
        "anonymized": anonymized,
        "figures": {
            "enrolled": h.enrolled,
            "pre_done": h.pre_done,
            "post_done": h.post_done,
            "matched": h.matched,
            "mean_pre": _figure(h.mean_pre),
            "mean_post": _figure(h.mean_post),
            "class_gain": _figure(h.class_gain),
            "hake_band": h.hake_band or None,
            "mean_c": _figure(h.mean_c),
            "mean_change": _figure(h.mean_change),
            "effect_size_dz": _figure(h.effect_size_dz),
            "kr20_pre": _figure(h.kr20_pre),
        },
        "status_counts": {key: count for key, _, count in report.status_counts},
        "formulas": FORMULAS,
        "thresholds": {
            "hake_low": 0.3,
            "hake_high": 0.7,
            "already_known_p_pre": 0.8,
            "mcnemar_alpha": 0.05,
            "min_anonymized_learners": MIN_ANONYMIZED,
        },
        "filters": {
            "learners": "active members, not instructors, activity they share",
            "post": "first submitted post-study attempt",
            "items": "asked at the same version in both attempts",
        },
    }


def summary_json(report: CohortReport, *, anonymized: bool) -> str:
    """summary.json as text."""
    return json.dumps(summary(report, anonymized=anonymized), indent=2, ensure_ascii=False)
