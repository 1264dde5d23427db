from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from assurance.accounts.models import normalise_email


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Enter a correct e-mail address and password. After 5 failed attempts your "
            "account is locked for 30 minutes."
        ),
        "inactive": "This account is not active. Ask your partnership's business unit.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "E-mail address"
        self.fields["username"].widget.attrs.update(autocomplete="username", spellcheck="false")
        # Django autofocuses the e-mail field; GOV.UK pages do not, so the skip link comes first
        # and screen reader users hear the page from its start.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["password"].widget.attrs.update(autocomplete="current-password")

    def clean_username(self) -> str:
        # Before authentication, and so before django-axes counts a failure (see
        # accounts.authentication.axes_username): one account, one count, whatever the case.
        return normalise_email(self.cleaned_data.get("username"))


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456.",
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
            }
        ),
    )

    def clean_token(self) -> str:
        token = str(self.cleaned_data["token"]).replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError("The code must be 6 digits, like 123456.")
        return token


class ResetForm(PasswordResetForm):
    """Password reset that also reaches people who were invited but never chose a password.

    Django's form skips accounts without a usable password; ours are created that way when the
    business unit adds someone, so an expired invitation would otherwise leave them stuck.
    """

    def get_users(self, email: str) -> Iterator[Any]:
        yield from get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
