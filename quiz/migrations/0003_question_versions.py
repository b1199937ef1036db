"""Question versions stored once; attempt questions and answers get their new columns."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("quiz", "0002_one_attempt_per_guest_and_open_post")]

    operations = [
        migrations.CreateModel(
            name="QuestionVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("question_id", models.CharField(max_length=100)),
                ("version", models.CharField(max_length=32)),
                ("section_id", models.CharField(max_length=100)),
                ("anchor", models.CharField(blank=True, max_length=200)),
                ("prompt", models.TextField()),
                ("choices", models.JSONField(
                    help_text="Authored order: [{id, text, why_wrong_html}]")),
                ("answer_id", models.CharField(max_length=100)),
                ("explanation_html", models.TextField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("question_id", "version"), name="one_row_per_version"
                    )
                ]
            },
        ),
        migrations.AddField(
            model_name="attemptquestion",
            name="version",
            field=models.ForeignKey(db_index=False, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="quiz.questionversion"),
        ),
        migrations.AddField(
            model_name="attemptquestion",
            name="order",
            field=models.CharField(default="", max_length=36,
                                   help_text="Shown order of the version's choices."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="answer", name="position",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="answer", name="is_correct", field=models.BooleanField(null=True)
        ),
    ]
