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


class ReviewSettingsForm(forms.Form):
    notice_working_days = forms.IntegerField(
        label="Working days' notice of a practice review's publication",
        help_text="How many working days before publication the Panel and the Department for "
        "Education receive the final report. New practice reviews start with this; 7 is common.",
        error_messages={
            "required": "Enter the working days' notice, for example 7",
            "invalid": "Enter the working days' notice as a whole number, for example 7",
        },
    )
    information_working_days = forms.IntegerField(
        label="Working days an agency has to answer an information request",
        help_text="Counted from the day the request is sent, like the statutory deadlines. "
        "Fewer than 15, so the answers reach the rapid review before it is due.",
        error_messages={
            "required": "Enter the working days agencies have, for example 5",
            "invalid": "Enter the working days agencies have as a whole number, for example 5",
        },
    )
