"""A cohort's matched answers as grouped counts: item rows, pre-study KR-20, section n."""

from dataclasses import dataclass

from cohorts.models import Cohort
from quiz.models import QuestionVersion
from reports import cohort_sql, stats
from reports.cohort_items import Cells, ItemRow, item_row
from reports.stats import Figure

EMPTY_KR20 = Figure(value=None, n=0, reason="reliability needs n >= 10")


@dataclass(frozen=True, kw_only=True)
class Matched:
    """What the matched learners' answers give the report: four queries, whatever their number."""

    items: tuple[ItemRow, ...]
    kr20_pre: Figure
    """KR-20 over the most-asked version of each question, learners asked all of them."""
    section_learners: dict[str, int]
    """Section id to matched learners with at least one of its questions."""


def _cells(cohort: Cohort, chapter_id: str) -> dict[int, Cells]:
    out: dict[int, Cells] = {}
    for vid, before, b_ok, after, a_ok, k in cohort_sql.cells(cohort, chapter_id):
        out.setdefault(vid, {})[before, bool(b_ok), after, bool(a_ok)] = int(k)
    return out


def _core(cells: dict[int, Cells], versions: dict[int, QuestionVersion]) -> list[int]:
    """The most-asked version of each question (ties: the lowest id)."""
    best: dict[str, int] = {}
    for vid in sorted(cells, key=lambda v: (-sum(cells[v].values()), v)):
        best.setdefault(versions[vid].question_id, vid)
    return sorted(best.values())


def _reliability(rows: list[tuple], core: list[int]) -> tuple[dict[int, Figure], Figure]:
    """Discrimination per version and KR-20 from the grouped pre totals."""
    groups: dict[tuple[int, int], list[int]] = {}
    right: dict[int, int] = dict.fromkeys(core, 0)
    full: dict[int, list[int]] = {}
    for vid, b_ok, full_set, n, s, q, cs, cq in rows:
        g = groups.setdefault((vid, int(b_ok)), [0, 0, 0])
        g[0], g[1], g[2] = g[0] + int(n), g[1] + int(s), g[2] + int(q)
        if full_set and vid in right:
            right[vid] += int(n) if b_ok else 0
            f = full.setdefault(vid, [0, 0, 0])
            f[0], f[1], f[2] = f[0] + int(n), f[1] + int(cs), f[2] + int(cq)
    discrimination = {
        vid: stats.discrimination_from_sums(
            tuple(groups.get((vid, 0), (0, 0, 0))), tuple(groups.get((vid, 1), (0, 0, 0)))
        )
        for vid, _ in groups
    }
    n, total, squares = full.get(core[0], (0, 0, 0)) if core else (0, 0, 0)
    kr20 = stats.kr20_from_sums(n, [right[v] for v in core], total, squares)
    return discrimination, kr20


def matched_figures(cohort: Cohort, chapter_id: str, order: dict[str, int]) -> Matched:
    """Item rows (in `order` of sections), KR-20 and section n from grouped queries."""
    cells = _cells(cohort, chapter_id)
    if not cells:
        return Matched(items=(), kr20_pre=EMPTY_KR20, section_learners={})
    versions = QuestionVersion.objects.in_bulk(list(cells))
    core = _core(cells, versions)
    discrimination, kr20 = _reliability(cohort_sql.totals(cohort, chapter_id, core), core)
    items = (item_row(versions[vid], found, discrimination[vid]) for vid, found in cells.items())
    return Matched(
        items=tuple(
            sorted(items, key=lambda i: (order.get(i.section_id, 999), i.item_id, i.item_version))
        ),
        kr20_pre=kr20,
        section_learners=cohort_sql.section_learners(cohort, chapter_id),
    )
