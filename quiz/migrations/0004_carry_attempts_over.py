"""Existing attempts carried over: each question version stored once, shuffles as short orders."""

from django.db import migrations

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
BATCH = 500


def _versions(apps) -> dict[tuple[str, str], tuple[int, list[str], str]]:
    """One row per (question id, version): choices in id order (the copies are shuffled)."""
    asked = apps.get_model("quiz", "AttemptQuestion")
    version_model = apps.get_model("quiz", "QuestionVersion")
    found = {}
    for q in asked.objects.order_by("pk").iterator(chunk_size=BATCH):
        key = (q.question_id, q.question_version)
        if key in found:
            continue
        choices = sorted(
            ({"id": c["id"], "text": c["text"], "why_wrong_html": c["why_wrong_html"]}
             for c in q.choices), key=lambda c: c["id"],
        )
        row = version_model.objects.create(
            question_id=q.question_id, version=q.question_version, section_id=q.section_id,
            anchor=q.anchor, prompt=q.prompt, choices=choices, answer_id=q.answer_id,
            explanation_html=q.explanation_html,
        )
        found[key] = (row.pk, [c["id"] for c in choices], q.answer_id)
    return found


def forward(apps, schema_editor) -> None:
    """Point every attempt question at its version and every answer at its position."""
    asked = apps.get_model("quiz", "AttemptQuestion")
    answer_model = apps.get_model("quiz", "Answer")
    versions = _versions(apps)
    where: dict[tuple[int, str], tuple[int, str]] = {}
    batch = []
    for q in asked.objects.order_by("pk").iterator(chunk_size=BATCH):
        pk, ids, key = versions[(q.question_id, q.question_version)]
        q.version_id = pk
        q.order = "".join(ALPHABET[ids.index(c["id"])] for c in q.choices)
        where[(q.attempt_id, q.question_id)] = (q.position, key)
        batch.append(q)
        if len(batch) >= BATCH:
            asked.objects.bulk_update(batch, ["version", "order"])
            batch = []
    asked.objects.bulk_update(batch, ["version", "order"])
    batch, orphans = [], []
    for a in answer_model.objects.order_by("pk").iterator(chunk_size=BATCH):
        if (a.attempt_id, a.question_id) not in where:
            orphans.append(a.pk)  # an answer to a question the attempt never asked
            continue
        a.position, key = where[(a.attempt_id, a.question_id)]
        a.is_correct = a.choice_id == key
        batch.append(a)
        if len(batch) >= BATCH:
            answer_model.objects.bulk_update(batch, ["position", "is_correct"])
            batch = []
    answer_model.objects.bulk_update(batch, ["position", "is_correct"])
    answer_model.objects.filter(pk__in=orphans).delete()


class Migration(migrations.Migration):
    dependencies = [("quiz", "0003_question_versions")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
