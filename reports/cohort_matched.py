"""A cohort's matched answers as grouped counts: item rows, pre-study KR-20, section n."""

from dataclasses import dataclass

from cohorts.models import Cohort
from quiz.models import QuestionVersion
from reports import cohort_sql, stats
from reports.cohort_items import Cells, ItemRow, item_row
from reports.stats import Figure
from reports.stats.tags import STUBBORN_MIN

EMPTY_KR20 = Figure(value=None, n=0, reason="reliability needs n >= 10")


@dataclass(frozen=True, kw_only=True)
class Matched:
    """What the matched learners' answers give the report, whatever their number."""

    items: tuple[ItemRow, ...]
    kr20_pre: Figure
    """KR-20 over the most-asked version of each question, learners asked all of them."""
    section_learners: dict[str, int]
    """Section id to matched learners with at least one of its questions."""
    kept: dict[int, set[tuple[str, str]]]
    """User id to the (question, distractor) they chose twice, where >= 2 learners did."""


def _add(into: dict, key: object, *values: object) -> None:
    sums = into.setdefault(key, [0] * len(values))
    for i, v in enumerate(values):
        sums[i] += int(v)


def _read(rows: list[tuple]) -> tuple[dict[int, Cells], dict, dict, dict[str, int], dict]:
    """Cells per version, pre-total sums by (version, right), core sums, section n, kept."""
    cells: dict[int, Cells] = {}
    groups: dict[tuple[int, int], list[int]] = {}
    core: dict[tuple[int, int], list[int]] = {}
    sections: dict[str, int] = {}
    kept: dict[int, set[tuple[str, str]]] = {}
    for tag, vid, name, before, b_ok, after, a_ok, is_core, full, n, s, q, cs, cq in rows:
        if tag == "section":
            sections[name] = int(n)
            continue
        if tag == "kept":
            kept.setdefault(int(n), set()).add((name, before))
            continue
        key = (before, bool(b_ok), after, bool(a_ok))
        cells.setdefault(vid, {})[key] = cells.get(vid, {}).get(key, 0) + int(n)
        _add(groups, (vid, int(b_ok)), n, s, q)
        if is_core and full:
            _add(core, (vid, int(b_ok)), n, cs, cq)
    return cells, groups, core, sections, kept


def _kr20(core: dict[tuple[int, int], list[int]]) -> Figure:
    """KR-20 from the core versions' learners who were asked all of them."""
    versions = sorted({vid for vid, _ in core})
    if not versions:
        return EMPTY_KR20
    right = [core.get((vid, 1), [0])[0] for vid in versions]
    n, total, squares = (
        sum(core.get((versions[0], b), [0, 0, 0])[i] for b in (0, 1)) for i in range(3)
    )
    return stats.kr20_from_sums(n, right, total, squares)


def matched_figures(cohort: Cohort, chapter_id: str, order: dict[str, int]) -> Matched:
    """Item rows (in `order` of sections), KR-20 and section n: two queries."""
    found = cohort_sql.figures(cohort, chapter_id, STUBBORN_MIN)
    cells, groups, core, sections, kept = _read(found)
    versions = QuestionVersion.objects.in_bulk(list(cells)) if cells else {}
    items = (
        item_row(
            versions[vid],
            found,
            stats.discrimination_from_sums(
                tuple(groups.get((vid, 0), (0, 0, 0))), tuple(groups.get((vid, 1), (0, 0, 0)))
            ),
        )
        for vid, found in cells.items()
    )
    return Matched(
        items=tuple(
            sorted(items, key=lambda i: (order.get(i.section_id, 999), i.item_id, i.item_version))
        ),
        kr20_pre=_kr20(core),
        section_learners=sections,
        kept=kept,
    )
