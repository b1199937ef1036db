"""What the cohort PDF draws: the overview's report, its charts, and the definitions page."""
# ruff: noqa: RUF001 (the printed formulas use real minus, times and dash signs)

from cohorts.models import Cohort
from courses.catalog import get_course

from . import cohort_charts
from .cohort import CohortReport
from .cohort_attention import INACTIVE_DAYS, SHOWN
from .cohort_files import MIN_ANONYMIZED

DEFINITIONS = (
    (
        "Matched learners",
        "A submitted pre-study attempt and a submitted first post-study attempt on the chapter; "
        "every figure below is over them unless it says otherwise. Only activity a learner "
        "shares with the cohort counts.",
        "",
    ),
    ("Score %", "100 × correct / counted.", ""),
    (
        "Normalized gain g",
        "(post − pre) / (100 − pre), with the first post-study attempt.",
        "Undefined (shown empty, with the reason) when pre = 100.",
    ),
    (
        "Normalized change c",
        "(post − pre) / (100 − pre) if post > pre; (post − pre) / pre if post < pre; 0 if equal "
        "(Marx and Cummings).",
        "Dropped when pre = post = 0 or 100.",
    ),
    (
        "Class gain <g>",
        "(mean post − mean pre) / (100 − mean pre): the gain of the averages. Hake's bands: "
        "low < 0.3, medium 0.3–0.7, high ≥ 0.7.",
        "Undefined when mean pre = 100 or no learner is matched.",
    ),
    (
        "Mean change",
        "mean(post − pre) ± t(0.975, n − 1) × sd / √n: a 95 % interval.",
        "The interval needs n ≥ 2.",
    ),
    ("Effect size dz", "mean(post − pre) / sd(post − pre).", "Needs n ≥ 3 and sd > 0."),
    (
        "Reliability KR-20 (pre)",
        "k/(k − 1) × (1 − Σ p(1 − p) / total variance), population variance, over learners "
        "asked the same question versions.",
        "Needs n ≥ 10; indicative for a 12-question test.",
    ),
    (
        "RR / RW / WR / WW",
        "Right→right, right→wrong, wrong→right, wrong→wrong from pre to post, per question "
        "version asked in both attempts; n is their sum.",
        "",
    ),
    (
        "p pre, p post",
        "Share right before (RR + RW) / n and after (RR + WR) / n, with a Wilson 95 % interval.",
        "",
    ),
    (
        "Item gain",
        "(WR − RW) / (WR + WW): of the learners wrong before, the share who became right, net of "
        "those who became wrong.",
        "Undefined when nobody was wrong before.",
    ),
    (
        "Exact McNemar p",
        "min(1, 2 × Σ_{k ≤ min(WR, RW)} C(m, k) / 2^m), m = WR + RW.",
        "No test when m = 0; with m ≤ 5 no question can reach p < 0.05.",
    ),
    (
        "Discrimination (pre)",
        "Corrected item-rest Pearson correlation of the pre-study answers.",
        "Needs n ≥ 10 and both variances > 0.",
    ),
    ("Guess", "1 / number of options: the score of random guessing.", ""),
    (
        "Tags",
        "Already known: p pre ≥ 0.8. Taught: WR > RW and McNemar p < 0.05. Stubborn "
        "misconception: one wrong option chosen before and after by ≥ 2 learners. Regressed: "
        "RW > WR.",
        "",
    ),
    (
        "Needs attention",
        f"A learner whose first post % is below their pre %, inactive for {INACTIVE_DAYS} days "
        "(and not finished), or keeping a stubborn wrong option; a question with RW > WR.",
        f"This report lists the first {SHOWN}; learners.csv has every learner.",
    ),
    (
        "Anonymized files",
        "Names replaced by fresh labels (L01, L02…) for each download.",
        f"Refused below {MIN_ANONYMIZED} learners.",
    ),
)


def cohort_pdf_context(cohort: Cohort, report: CohortReport) -> dict:
    """The cohort PDF template's context: the report, chart geometry, definitions."""
    sections, sections_h = cohort_charts.section_rows(report)
    dots, dots_h = cohort_charts.item_dots(report)
    return {
        "cohort": cohort,
        "report": report,
        "bar": cohort_charts.status_bar(report),
        "section_bars": sections,
        "section_h": sections_h,
        "dots": dots,
        "dots_h": dots_h,
        "attention": report.attention[:SHOWN],
        "attention_more": max(0, len(report.attention) - SHOWN),
        "definitions": DEFINITIONS,
        "content_version": get_course().content_hash[:12],
    }
