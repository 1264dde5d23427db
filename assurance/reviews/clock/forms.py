"""Forms of the partnership's closure days."""

from __future__ import annotations

from django import forms

from assurance.core.forms import DateInput


class ClosureDayForm(forms.Form):
    day = forms.DateField(
        widget=DateInput,
        label="Closure day",
        help_text="A weekday the partnership's offices are closed, for example 29 12 2026.",
        error_messages={"required": "Enter the closure day", "invalid": "Enter a real date"},
    )
    reason = forms.CharField(
        max_length=200,
        label="Why the offices are closed",
        error_messages={"required": "Enter why the offices are closed"},
    )


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation."""
