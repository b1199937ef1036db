"""The cohort report's figures computed the old way, learner by learner: a reference for tests.

Reads every matched learner's pre and first-post answers into Python and feeds the per-learner
(list) forms of the statistics, as `reports/cohort*.py` did before the figures came from SQL
aggregates. Only the equivalence tests use it.
"""

from collections import Counter

from cohorts.models import Cohort
from courses.models import PracticeMark, SectionProgress
from quiz.models import Answer, Attempt, AttemptQuestion, QuestionVersion
from reports import stats
from reports.cohort_summary import learner_memberships


def _slots(attempt_id: int) -> dict[int, tuple[str | None, bool]]:
    """Version id to (choice, right) for every question the attempt asked."""
    answers = {a.position: a for a in Answer.objects.filter(attempt_id=attempt_id)}
    out = {}
    for q in AttemptQuestion.objects.filter(attempt_id=attempt_id):
        a = answers.get(q.position)
        out[q.version_id] = (a.choice_id, a.is_correct) if a else (None, False)
    return out


def matched_pairs(cohort: Cohort, chapter_id: str) -> dict[int, list[tuple]]:
    """Version id to (user id, pre choice, post choice, pre right, post right) per learner."""
    since = {m.user_id: m.since for m in learner_memberships([cohort]).filter(cohort=cohort)}
    found = Attempt.objects.filter(user_id__in=since, chapter_id=chapter_id, status="submitted")
    pre, post = {}, {}
    for a in found.order_by("submitted_at", "pk"):
        if a.submitted_at >= since[a.user_id]:
            (pre if a.kind == "pre" else post).setdefault(a.user_id, a.pk)
    pairs: dict[int, list[tuple]] = {}
    for user_id in sorted(pre.keys() & post.keys()):
        before, after = _slots(pre[user_id]), _slots(post[user_id])
        for vid in before.keys() & after.keys():
            (b, b_ok), (a, a_ok) = before[vid], after[vid]
            pairs.setdefault(vid, []).append((user_id, b, a, b_ok, a_ok))
    return pairs


def _top_wrong(choices: list[str | None], right: str) -> str:
    wrong = Counter(c for c in choices if c is not None and c != right)
    return wrong.most_common(1)[0][0] if wrong else ""


def expected_items(cohort: Cohort, chapter_id: str) -> dict[tuple[str, str], dict]:
    """(question id, version) to the item figures, from per-learner lists."""
    pairs = matched_pairs(cohort, chapter_id)
    totals: Counter = Counter()
    for rows in pairs.values():
        for user_id, _, _, b_ok, _ in rows:
            totals[user_id] += int(b_ok)
    out = {}
    for vid, rows in pairs.items():
        v = QuestionVersion.objects.get(pk=vid)
        t = stats.transitions((r[3], r[4]) for r in rows)
        choice_pairs = [(r[1], r[2]) for r in rows]
        stubborn = stats.stubborn_distractors(choice_pairs, v.answer_id)
        mcnemar = stats.mcnemar_exact(t)
        p_pre = stats.wilson(t.rr + t.rw, t.n)
        pre_counts, post_counts = Counter(r[1] for r in rows), Counter(r[2] for r in rows)
        out[v.question_id, v.version] = {
            "n": t.n,
            "p_pre": p_pre,
            "p_post": stats.wilson(t.rr + t.wr, t.n),
            "transitions": t,
            "item_gain": stats.item_gain(t),
            "mcnemar_p": mcnemar,
            "discrimination_pre": stats.discrimination(
                [int(r[3]) for r in rows], [totals[r[0]] for r in rows]
            ),
            "top_wrong_choice_pre": _top_wrong([r[1] for r in rows], v.answer_id),
            "top_wrong_choice_post": _top_wrong([r[2] for r in rows], v.answer_id),
            "stubborn": stubborn,
            "stubborn_count": sum(stubborn.values()),
            "choice_counts": tuple(
                (c["id"], pre_counts[c["id"]], post_counts[c["id"]]) for c in v.choices
            ),
            "option_transitions": stats.option_transitions(choice_pairs),
            "tags": tuple(
                stats.item_tags(
                    p_pre=stats.Figure(value=p_pre.value, n=t.n),
                    t=t,
                    mcnemar=mcnemar,
                    stubborn=stubborn,
                )
            ),
            "section_id": v.section_id,
            "users": {r[0] for r in rows},
        }
    return out


def expected_kr20(cohort: Cohort, chapter_id: str) -> stats.Figure:
    """KR-20 over the most-asked version of each question, learners asked all of them."""
    pairs = matched_pairs(cohort, chapter_id)
    versions = QuestionVersion.objects.in_bulk(list(pairs))
    best: dict[str, int] = {}
    for vid in sorted(pairs, key=lambda v: (-len(pairs[v]), v)):
        best.setdefault(versions[vid].question_id, vid)
    by_user: dict[int, dict[int, int]] = {}
    for vid in best.values():
        for user_id, _, _, b_ok, _ in pairs[vid]:
            by_user.setdefault(user_id, {})[vid] = int(b_ok)
    keys = sorted(best.values())
    return stats.kr20([[row[k] for k in keys] for row in by_user.values() if len(row) == len(keys)])


def expected_sections(cohort: Cohort, chapter_id: str) -> dict[str, tuple]:
    """Section id to (pre %, post %, g, matched n), pooled per learner."""
    per: dict[str, dict[int, list[int]]] = {}
    for vid, rows in matched_pairs(cohort, chapter_id).items():
        section = QuestionVersion.objects.get(pk=vid).section_id
        for user_id, _, _, b_ok, a_ok in rows:
            row = per.setdefault(section, {}).setdefault(user_id, [0, 0, 0])
            row[0], row[1], row[2] = row[0] + b_ok, row[1] + a_ok, row[2] + 1
    out = {}
    for section, users in per.items():
        pre, post, g = stats.pooled_section(tuple(r) for r in users.values())
        out[section] = (pre, post, g, len(users))
    return out


def expected_stubborn_learners(cohort: Cohort, chapter_id: str) -> set[tuple[int, str, str]]:
    """(user id, question id, choice) of learners who kept a distractor that >= 2 learners kept."""
    pairs = matched_pairs(cohort, chapter_id)
    names = {vid: QuestionVersion.objects.get(pk=vid) for vid in pairs}
    kept: Counter = Counter()
    for vid, rows in pairs.items():
        for c, k in stats.stubborn_distractors(
            [(r[1], r[2]) for r in rows], names[vid].answer_id
        ).items():
            kept[names[vid].question_id, c] += k if k >= 2 else 0
    out = set()
    for vid, rows in pairs.items():
        qid = names[vid].question_id
        for user_id, b, a, _, _ in rows:
            if b == a and kept[qid, b]:
                out.add((user_id, qid, b))
    return out


def expected_reading(cohort: Cohort, chapter_id: str, sections: list[str]) -> dict[int, tuple]:
    """User id to (completed section ids, any reading, latest activity) from visible rows."""
    since = {m.user_id: m.since for m in learner_memberships([cohort]).filter(cohort=cohort)}
    out = {}
    for user_id, start in since.items():
        rows = [
            p
            for p in SectionProgress.objects.filter(user_id=user_id, chapter_id=chapter_id)
            if p.opened_at >= start
        ]
        attempts = Attempt.objects.filter(
            user_id=user_id, chapter_id=chapter_id, status="submitted", submitted_at__gte=start
        )
        marks = PracticeMark.objects.filter(user_id=user_id, updated_at__gte=start)
        stamps = [a.submitted_at for a in attempts] + [m.updated_at for m in marks]
        stamps += [s for p in rows for s in (p.opened_at, p.completed_at) if s is not None]
        done = {p.section_id for p in rows if p.completed_at and p.section_id in sections}
        out[user_id] = (done, bool(rows), max(stamps, default=None))
    return out
