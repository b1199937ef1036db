"""Grouped SQL over a cohort's matched answers and reading (SQLite and PostgreSQL, parameterized).

"Matched" pairs a learner's pre-study attempt with their first post-study attempt, both visible
to the cohort (submitted at or after the membership's `since`), per question version asked in
both. Every query here returns a number of rows bounded by the content, not by the learners,
except the two that name learners on purpose (stubborn cells, one question's cells).
"""

import datetime
from collections.abc import Iterator

from django.db import connection

from cohorts.models import Cohort
from reports.cohort_summary import learner_memberships

MATCHED = """
WITH members AS ({members}),
pairs AS MATERIALIZED (
  SELECT b.user_id, b.id AS pre_id, (
    SELECT f.id FROM quiz_attempt f
    WHERE f.user_id = b.user_id AND f.chapter_id = b.chapter_id AND f.kind = 'post'
      AND f.status = 'submitted' AND f.submitted_at >= m.since
    ORDER BY f.submitted_at, f.id LIMIT 1
  ) AS post_id
  FROM quiz_attempt b JOIN members m ON m.user_id = b.user_id
  WHERE b.chapter_id = %s AND b.kind = 'pre' AND b.status = 'submitted'
    AND b.submitted_at >= m.since
),
matched AS MATERIALIZED (
  SELECT p.user_id, qb.version_id, rb.choice_id AS pre_choice, rf.choice_id AS post_choice,
    CASE WHEN rb.is_correct THEN 1 ELSE 0 END AS pre_right,
    CASE WHEN rf.is_correct THEN 1 ELSE 0 END AS post_right
  FROM pairs p
  JOIN quiz_attemptquestion qb ON qb.attempt_id = p.pre_id
  JOIN quiz_attemptquestion qf ON qf.attempt_id = p.post_id AND qf.version_id = qb.version_id
  LEFT JOIN quiz_answer rb ON rb.attempt_id = p.pre_id AND rb.position = qb.position
  LEFT JOIN quiz_answer rf ON rf.attempt_id = p.post_id AND rf.position = qf.position
  WHERE p.post_id IS NOT NULL
)
"""

FIGURES = """
, core AS (
  SELECT version_id FROM (
    SELECT m.version_id, ROW_NUMBER() OVER (
      PARTITION BY v.question_id ORDER BY COUNT(*) DESC, m.version_id) AS pick
    FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id
    GROUP BY m.version_id, v.question_id
  ) ranked WHERE pick = 1
),
totals AS (
  SELECT user_id, SUM(pre_right) AS total,
    SUM(CASE WHEN version_id IN (SELECT version_id FROM core) THEN pre_right ELSE 0 END) AS ct,
    SUM(CASE WHEN version_id IN (SELECT version_id FROM core) THEN 1 ELSE 0 END) AS asked
  FROM matched GROUP BY user_id
),
kept AS (
  SELECT DISTINCT question_id, choice FROM (
    SELECT v.question_id, m.pre_choice AS choice
    FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id
    WHERE m.pre_choice = m.post_choice AND m.pre_choice <> v.answer_id
    GROUP BY m.version_id, v.question_id, m.pre_choice HAVING COUNT(*) >= %s
  ) stubborn
)
SELECT 'cell', m.version_id, NULL, m.pre_choice, m.pre_right, m.post_choice, m.post_right,
  CASE WHEN m.version_id IN (SELECT version_id FROM core) THEN 1 ELSE 0 END,
  CASE WHEN t.asked = (SELECT COUNT(*) FROM core) THEN 1 ELSE 0 END,
  COUNT(*), SUM(t.total), SUM(t.total * t.total), SUM(t.ct), SUM(t.ct * t.ct)
FROM matched m JOIN totals t ON t.user_id = m.user_id
GROUP BY 2, 4, 5, 6, 7, 8, 9
UNION ALL
SELECT 'section', NULL, v.section_id, NULL, NULL, NULL, NULL, NULL, NULL,
  COUNT(DISTINCT m.user_id), NULL, NULL, NULL, NULL
FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id GROUP BY v.section_id
UNION ALL
SELECT 'kept', NULL, v.question_id, m.pre_choice, NULL, NULL, NULL, NULL, NULL, m.user_id,
  NULL, NULL, NULL, NULL
FROM matched m JOIN quiz_questionversion v ON v.id = m.version_id
JOIN kept k ON k.question_id = v.question_id AND k.choice = m.pre_choice
WHERE m.pre_choice = m.post_choice
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

ATTEMPTS = """
WITH members AS ({members})
SELECT a.id, a.user_id, a.kind, a.submitted_at, a.correct, a.counted
FROM quiz_attempt a JOIN members m ON m.user_id = a.user_id
WHERE a.chapter_id = %s AND a.status = 'submitted' AND a.submitted_at >= m.since
ORDER BY a.submitted_at, a.id
"""

COMPLETED = """
WITH members AS ({members})
SELECT p.section_id, COUNT(*)
FROM courses_sectionprogress p JOIN members m ON m.user_id = p.user_id
WHERE p.chapter_id = %s AND p.opened_at >= m.since AND p.completed_at IS NOT NULL
GROUP BY p.section_id
"""


RESPONSES = """
WITH members AS ({members})
SELECT a.user_id, a.public_id, a.kind, a.submitted_at, a.id, v.question_id, v.version,
  v.section_id, q.position, r.choice_id, r.is_correct, r.answered_at
FROM quiz_attempt a
JOIN members m ON m.user_id = a.user_id
JOIN quiz_attemptquestion q ON q.attempt_id = a.id
JOIN quiz_questionversion v ON v.id = q.version_id
LEFT JOIN quiz_answer r ON r.attempt_id = a.id AND r.position = q.position
WHERE a.chapter_id = %s AND a.status = 'submitted' AND a.submitted_at >= m.since
ORDER BY a.user_id, a.kind, a.submitted_at, a.id, q.position
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


def figures(cohort: Cohort, chapter_id: str, stubborn_min: int) -> list[tuple]:
    """Grouped matched answers in one statement, each row tagged.

    "cell": version id, None, pre choice, pre right, post choice, post right, core version,
    asked every core version, learners, then the sum and sum of squares of their pre totals
    over every matched version and over the core versions (the most-asked version of each
    question). "section": None, section id, six Nones, matched learners with one of its
    questions. "kept": None, question id, a distractor that >= `stubborn_min` learners of one
    version chose before and after, five Nones, a learner who did.
    """
    return _matched(cohort, chapter_id, FIGURES, [stubborn_min])


def one_item(cohort: Cohort, chapter_id: str, question_id: str) -> list[tuple]:
    """(version id, user id, pre choice, post choice) of every matched learner, one question."""
    return _matched(cohort, chapter_id, ONE_ITEM, [question_id])


def _when(value: object) -> datetime.datetime | None:
    """A timestamp as the ORM gives it: SQLite hands raw SQL naive UTC (text for aggregates)."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=datetime.UTC)


def attempts(cohort: Cohort, chapter_id: str) -> list[tuple]:
    """(id, user id, kind, submitted at, correct, counted) of every visible submitted attempt,
    oldest first."""
    members, member_params = _members(cohort)
    rows = _run(ATTEMPTS.format(members=members), [*member_params, chapter_id])
    return [(i, u, k, _when(at), c, n) for i, u, k, at, c, n in rows]


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


def responses(cohort: Cohort, chapter_id: str) -> Iterator[tuple]:
    """Every question asked in a visible submitted attempt, with the answer (None if blank):
    (user id, public id, kind, submitted at, attempt id, question id, version, section id,
    position, choice id, correct, answered at), by learner, kind, time. Streamed in chunks from
    a server-side cursor where the database has one, so memory stays flat."""
    members, member_params = _members(cohort)
    with connection.chunked_cursor() as cursor:
        cursor.execute(RESPONSES.format(members=members), [*member_params, chapter_id])
        while rows := cursor.fetchmany(2000):
            for r in rows:
                yield (*r[:3], _when(r[3]), *r[4:11], _when(r[11]))
