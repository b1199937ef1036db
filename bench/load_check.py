"""Shell programs for bench/load.py: set up signed-in learners, then check what was stored.

Answers are read through `quiz.models.Answer` by question_id and choice_id only; the one place
that knows how an attempt maps its opaque option tokens to choice ids is `token_ids` below.
"""

SETUP = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from courses.catalog import get_course
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
sessions = []
for n in range({learners}):
    user = User.objects.create_user(f"{prefix}-{{n}}")  # no password: signed in by session
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({{"chapter": get_course().chapters[0].id, "sessions": sessions}}))
"""

CHECK = """
import json
from django.db.models import Count, Q
from quiz.models import Answer, Attempt, AttemptQuestion, Status

def token_ids(question):
    return {{c["token"]: c["id"] for c in question.choices}}

expected = json.loads(open("{path}").read())
mine = Attempt.objects.filter(user__username__startswith="{prefix}-")
positions, tokens = {{}}, {{}}
for q in AttemptQuestion.objects.filter(attempt__in=mine).select_related("attempt"):
    positions[(q.attempt.public_id, str(q.position))] = q.question_id
    tokens[(q.attempt.public_id, str(q.position))] = token_ids(q)
stored = {{(a, q): c for a, q, c in Answer.objects.filter(attempt__in=mine)
          .values_list("attempt__public_id", "question_id", "choice_id")}}
lost_answers = 0
for public_id, record in expected.items():
    for position, (acked, maybe) in record["answers"].items():
        if acked is None:
            continue
        ids = tokens[(public_id, position)]
        allowed = {{ids[t] for t in [acked, *maybe]}}
        lost_answers += stored.get((public_id, positions[(public_id, position)])) not in allowed
status = dict(mine.values_list("public_id", "status"))
lost_submissions = sum(1 for public_id, record in expected.items()
                       if record["submitted"] and status.get(public_id) != Status.SUBMITTED)
duplicates = (Answer.objects.filter(attempt__in=mine).values("attempt", "question_id")
              .annotate(n=Count("id")).filter(n__gt=1).count())
per_user = mine.values("user").annotate(
    pre=Count("id", filter=Q(kind="pre")),
    open_post=Count("id", filter=Q(kind="post", status=Status.IN_PROGRESS)))
duplicates += sum(1 for row in per_user if row["pre"] > 1 or row["open_post"] > 1)
print(json.dumps({{"lost_answers": lost_answers, "lost_submissions": lost_submissions,
                  "duplicates": duplicates}}))
"""
