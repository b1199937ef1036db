"""Instructor and learner forms for cohorts."""

from django import forms
from django.contrib.auth.models import User

from courses.catalog import get_course

from . import roles
from .codes import CODE_LENGTH, normalise_code


def chapter_choices() -> list[tuple[str, str]]:
    """The loaded course's chapters, as (id, label)."""
    return [(c.id, f"Chapter {c.number}: {c.title}") for c in get_course().chapters]


class CohortForm(forms.Form):
    """Create a cohort or change its settings."""

    name = forms.CharField(max_length=120)
    chapters = forms.MultipleChoiceField(
        choices=chapter_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The chapters this cohort follows.",
    )
    seat_limit = forms.IntegerField(
        required=False, min_value=1, max_value=100_000, help_text="Optional. Empty: no limit."
    )
    closes_on = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Optional. The last day learners can join.",
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Give the cohort a name.")
        return name


class SettingsForm(CohortForm):
    """A cohort's settings, including whether its code and link work."""

    code_open = forms.BooleanField(required=False, label="The join code works")
    link_open = forms.BooleanField(required=False, label="The invite link works")


class CodeForm(forms.Form):
    """Type a join code."""

    code = forms.CharField(
        max_length=20, label="Join code", help_text=f"{CODE_LENGTH} letters and digits."
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(f"A join code has {CODE_LENGTH} letters and digits.")
        return code


SHARE_CHOICES = [
    ("no", "No: share only what I do from now on"),
    ("yes", "Yes: also share what I did before joining"),
]


class JoinForm(forms.Form):
    """Confirm joining, choosing whether earlier activity is shared."""

    share = forms.ChoiceField(
        choices=SHARE_CHOICES,
        widget=forms.RadioSelect,
        initial="no",
        label="Share your activity from before joining?",
    )


class CoInstructorForm(forms.Form):
    """Add a co-instructor by username."""

    username = forms.CharField(max_length=150, label="Username")

    def clean_username(self) -> User:
        name = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=name).first()
        if user is None:
            raise forms.ValidationError("No account has that username.")
        if not roles.is_instructor(user):
            raise forms.ValidationError("That account does not have the instructor role.")
        return user


class RosterForm(forms.Form):
    """Upload a roster CSV for a dry run."""

    file = forms.FileField(
        label="Roster CSV",
        help_text="Columns: email, optional name. Header row optional. UTF-8. At most 5,000 rows.",
    )
