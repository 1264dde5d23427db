"""Forms of the annual report: start a year's report, a section's words (both versions), a
partner's contribution, the executive's approval and publishing."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.business_year import business_year_label, current_business_year
from assurance.core.forms import IdentifierCheckMixin
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.models import Agency


def year_choices() -> list[tuple[int, str]]:
    this_year = current_business_year()
    return [(y, business_year_label(y)) for y in range(this_year, this_year - 4, -1)]


class StartForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Which business year is the report for?",
        coerce=int,
        choices=year_choices,
        widget=forms.RadioSelect,
        help_text="April to March. A report is usually written for the year just ended.",
        error_messages={"required": "Select the business year the report is for"},
    )


class SectionTextForm(IdentifierCheckMixin, forms.Form):
    narrative = forms.CharField(
        label="What the report says",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="For the partners, the workforce and the public: what the figures mean.",
    )
    young_people = forms.CharField(
        label="What the young people's version says",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Short sentences and everyday words, for a reader of about 12. The page "
        "shows how easy it is to read once saved.",
    )


class ContributionForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Partner",
        queryset=Agency.unscoped.none(),
        error_messages={"required": "Select the partner", "invalid_choice": "Select a partner"},
    )
    amount = forms.DecimalField(
        label="Money contributed (£)",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the money contributed, or 0",
            "invalid": "Enter the money contributed as a number, like 125000 or 125000.50",
            "min_value": "Enter an amount of £0 or more",
            "max_decimal_places": "Enter the money contributed to the nearest penny",
            "max_digits": "Enter an amount under £10,000,000,000",
        },
    )
    in_kind = forms.CharField(
        label="Contributed in kind (optional)",
        required=False,
        max_length=300,
        help_text="For example: a venue for training, or a seconded analyst two days a week.",
        error_messages={"max_length": "Describe what was given in kind in 300 characters or fewer"},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Agency.objects_for(partnership).filter(is_active=True).exclude(kind="scrutiny")
        )


class ApproveForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label="At which meeting of the executive did the statutory partners approve it?",
        queryset=Meeting.unscoped.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the meeting", "invalid_choice": "Select a meeting"},
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = meetings


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label="Publish this report: anyone can read it, and it cannot be changed afterwards",
        error_messages={"required": "Confirm that the report is to be published"},
    )
