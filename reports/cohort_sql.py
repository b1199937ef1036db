"""Grouped SQL over a cohort's matched answers and reading (SQLite and PostgreSQL, parameterized).

"Matched" pairs a learner's pre-study attempt with their first post-study attempt, both visible
to the cohort (submitted at or after the membership's `since`), per question version asked in
both. Every query here returns a number of rows bounded by the content, not by the learners,
except the two that name learners on purpose (stubborn cells, one question's cells).
"""

import datetime

from django.db import connection
from django.utils.dateparse import parse_datetime

from cohorts.models import Cohort
from reports.cohort_summary import learner_memberships

MATCHED = """
WITH members AS ({members}),
visible AS (
  SELECT a.id, a.user_id, a.kind,
    ROW_NUMBER() OVER (PARTITION BY a.user_id, a.kind ORDER BY a.submitted_at, a.id) AS rank
  FROM quiz_attempt a JOIN members m ON m.user_id = a.user_id
  WHERE a.chapter_id = %s AND a.status = 'submitted' AND a.submitted_at >= m.since
),
pairs AS (
  SELECT b.user_id, b.id AS pre_id, f.id AS post_id
  FROM visible b JOIN visible f ON f.user_id = b.user_id AND f.kind = 'post' AND f.rank = 1
  WHERE b.kind = 'pre' AND b.rank = 1
),
matched AS (
  SELECT p.user_id, qb.version_id, rb.choice_id AS pre_choice, rf.choice_id AS post_choice,
    CASE WHEN rb.is_correct THEN 1 ELSE 0 END AS pre_right,
    CASE WHEN rf.is_correct THEN 1 ELSE 0 END AS post_right
  FROM pairs p
  JOIN quiz_attemptquestion qb ON qb.attempt_id = p.pre_id
  JOIN quiz_attemptquestion qf ON qf.attempt_id = p.post_id AND qf.version_id = qb.version_id
  LEFT JOIN quiz_answer rb ON rb.attempt_id = p.pre_id AND rb.position = qb.position
  LEFT JOIN quiz_answer rf ON rf.attempt_id = p.post_id AND rf.position = qf.position
)
"""

CELLS = """
SELECT version_id, pre_choice, pre_right, post_choice, post_right, COUNT(*)
FROM matched GROUP BY 1, 2, 3, 4, 5
"""

TOTALS = """
, totals AS (
  SELECT user_id, SUM(pre_right) AS total,
    SUM(CASE WHEN version_id IN ({core}) THEN pre_right ELSE 0 END) AS core_total,
    SUM(CASE WHEN version_id IN ({core}) THEN 1 ELSE 0 END) AS core_asked
  FROM matched GROUP BY user_id
)
SELECT m.version_id, m.pre_right, CASE WHEN t.core_asked = %s THEN 1 ELSE 0 END AS full_set,
  COUNT(*), SUM(t.total), SUM(t.total * t.total), SUM(t.core_total),
  SUM(t.core_total * t.core_total)
FROM matched m JOIN totals t ON t.user_id = m.user_id
GROUP BY 1, 2, 3
"""

SECTIONS = """
SELECT v.section_id, COUNT(DISTINCT m.user_id)
FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id GROUP BY 1
"""

KEPT = """
SELECT m.user_id, v.question_id, m.pre_choice
FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id
WHERE m.pre_choice = m.post_choice AND ({cells})
"""

ONE_ITEM = """
SELECT m.version_id, m.user_id, m.pre_choice, m.post_choice
FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id WHERE v.question_id = %s
"""

READING = """
WITH members AS ({members})
SELECT p.user_id, COUNT(*),
  SUM(CASE WHEN p.completed_at IS NOT NULL AND p.section_id IN ({sections}) THEN 1 ELSE 0 END),
  MAX(p.opened_at), MAX(p.completed_at)
FROM courses_sectionprogress p JOIN members m ON m.user_id = p.user_id
WHERE p.chapter_id = %s AND p.opened_at >= m.since
GROUP BY p.user_id
"""

COMPLETED = """
WITH members AS ({members})
SELECT p.section_id, COUNT(*)
FROM courses_sectionprogress p JOIN members m ON m.user_id = p.user_id
WHERE p.chapter_id = %s AND p.opened_at >= m.since AND p.completed_at IS NOT NULL
GROUP BY p.section_id
"""


def _members(cohort: Cohort) -> tuple[str, tuple]:
    query = learner_memberships([cohort]).filter(cohort=cohort).values("user_id", "since")
    return query.query.sql_with_params()


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _matched(cohort: Cohort, chapter_id: str, tail: str, params: list) -> list[tuple]:
    members, member_params = _members(cohort)
    sql = MATCHED.format(members=members) + tail
    return _run(sql, [*member_params, chapter_id, *params])


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n) or "NULL"


def cells(cohort: Cohort, chapter_id: str) -> list[tuple]:
    """(version id, pre choice, pre right, post choice, post right, learners) per cell."""
    return _matched(cohort, chapter_id, CELLS, [])


def totals(cohort: Cohort, chapter_id: str, core: list[int]) -> list[tuple]:
    """Pre totals by (version, pre right, asked every core version): n, sum, sum of squares.

    Each row: version id, pre right, full set, n, sum and sum of squares of the learners' pre
    totals over every matched version, then over the core versions only.
    """
    tail = TOTALS.format(core=_marks(len(core)))
    return _matched(cohort, chapter_id, tail, [*core, *core, len(core)])


def section_learners(cohort: Cohort, chapter_id: str) -> dict[str, int]:
    """Section id to the matched learners with at least one of its questions."""
    return dict(_matched(cohort, chapter_id, SECTIONS, []))


def kept_choices(
    cohort: Cohort, chapter_id: str, wanted: list[tuple[str, str]]
) -> list[tuple[int, str, str]]:
    """(user id, question id, choice) of learners who chose one of these options twice."""
    if not wanted:
        return []
    where = " OR ".join(["(v.question_id = %s AND m.pre_choice = %s)"] * len(wanted))
    params = [x for pair in wanted for x in pair]
    return _matched(cohort, chapter_id, KEPT.format(cells=where), params)


def one_item(cohort: Cohort, chapter_id: str, question_id: str) -> list[tuple]:
    """(version id, user id, pre choice, post choice) of every matched learner, one question."""
    return _matched(cohort, chapter_id, ONE_ITEM, [question_id])


def _when(value: object) -> datetime.datetime | None:
    if value is None or isinstance(value, datetime.datetime):
        return value
    return parse_datetime(value).replace(tzinfo=datetime.UTC)  # SQLite stores UTC text


def reading(cohort: Cohort, chapter_id: str, sections: list[str]) -> dict[int, tuple]:
    """User id to (rows read, sections completed, latest opened, latest completed)."""
    members, member_params = _members(cohort)
    sql = READING.format(members=members, sections=_marks(len(sections)))
    rows = _run(sql, [*member_params, *sections, chapter_id])
    return {r[0]: (r[1], r[2] or 0, _when(r[3]), _when(r[4])) for r in rows}


def completed(cohort: Cohort, chapter_id: str) -> dict[str, int]:
    """Section id to the learners who completed it (visible rows only)."""
    members, member_params = _members(cohort)
    return dict(_run(COMPLETED.format(members=members), [*member_params, chapter_id]))
