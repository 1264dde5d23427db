"""Forms of the practice review: its record, and a finding made learning."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin
from assurance.reviews.practice_reviews.models import MILESTONES, Publication


class PracticeReviewForm(IdentifierCheckMixin, forms.Form):
    identifier_fields = ("terms_of_reference", "reviewers", "publication_reasons")

    terms_of_reference = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, label="Terms of reference"
    )
    reviewers = forms.CharField(max_length=300, required=False, label="Reviewer or reviewers")
    notice_working_days = forms.IntegerField(
        min_value=0,
        max_value=60,
        label="Working days' notice to the Panel and the Department for Education",
        help_text="How long before publication they receive the final report (7 is common).",
        error_messages={"required": "Enter the working days' notice, for example 7"},
    )
    planned_publication_on = forms.DateField(
        widget=DateInput, required=False, label="Planned publication date"
    )
    report_sent_on = forms.DateField(
        widget=DateInput,
        required=False,
        label="Date the final report went to the Panel and the Department for Education",
    )
    publication = forms.ChoiceField(
        choices=[("", "Not decided yet"), *Publication.choices],
        widget=forms.RadioSelect,
        required=False,
        label="Publication",
    )
    publication_reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Reasons for not publishing or for delaying",
    )
    published_on = forms.DateField(widget=DateInput, required=False, label="Date published")
    publication_link = forms.URLField(
        max_length=500,
        required=False,
        assume_scheme="https",
        label="Link to the published report",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in MILESTONES:
            self.fields[f"{key}_due"] = forms.DateField(
                widget=DateInput, required=False, label=f"{label}: due"
            )
            self.fields[f"{key}_on"] = forms.DateField(
                widget=DateInput, required=False, label=f"{label}: done on"
            )


class FindingForm(IdentifierCheckMixin, forms.Form):
    title = forms.CharField(
        max_length=200, label="The finding", error_messages={"required": "Enter the finding"}
    )
    what_was_learned = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What was learned",
        help_text="In plain English, without naming any child or family: it is shared with "
        "everyone in the learning cycle.",
        error_messages={"required": "Enter what was learned"},
    )
