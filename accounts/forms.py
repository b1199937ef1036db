"""Account forms."""

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User


class SignupForm(UserCreationForm):
    """Username and password; email optional (only used for password resets)."""

    email = forms.EmailField(
        required=False, help_text="Optional. Only used to reset a forgotten password."
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # No maxlength in the page: a browser would cut a long username silently; the server
        # says "at most 150 characters" instead.
        self.fields["username"].widget.attrs.pop("maxlength", None)


class DeleteAccountForm(forms.Form):
    """Confirm deleting an account by typing its username."""

    confirm = forms.CharField(label="Type your username to confirm")

    def __init__(self, *args: object, username: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"]
        if value != self.username:
            raise forms.ValidationError("That is not your username; nothing was deleted.")
        return value
