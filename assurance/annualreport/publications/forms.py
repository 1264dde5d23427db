"""Forms of what the partnership makes public: a published practice review, a closed audit's
summary, and withdrawing one."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.audits.models import Audit
from assurance.reviews.practice_reviews.models import PracticeReview

TITLE_HELP = "As the public will read it. No child's name, no case reference."
SUMMARY_HELP = (
    "What the public should know, in plain words: what was looked at, what was learnt and what "
    "the partners are doing about it. No names of children, families or staff, no case "
    "references, nothing that could identify anyone."
)


def _title(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=200,
        help_text=TITLE_HELP,
        error_messages={
            "required": "Enter the title the public will read",
            "max_length": "Enter a title of 200 characters or fewer",
        },
    )


def _summary() -> forms.CharField:
    return forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=SUMMARY_HELP,
        error_messages={
            "required": "Enter a summary for the public",
            "max_length": "Enter a summary of 5,000 characters or fewer",
        },
    )


class ReviewChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj}, published {obj.published_on:%-d %B %Y}"


class ReviewPublicForm(forms.Form):
    review = ReviewChoiceField(
        label="Which published practice review?",
        queryset=PracticeReview.unscoped.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the review", "invalid_choice": "Select a review"},
    )
    title = _title("Title of the review")
    summary = _summary()

    def __init__(self, *args: Any, reviews: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["review"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = reviews


class AuditPublicForm(forms.Form):
    audit = forms.ModelChoiceField(
        label="Which closed audit?",
        queryset=Audit.unscoped.none(),
        widget=forms.RadioSelect,
        help_text="Its key findings are made public as they stand now, with what you write here.",
        error_messages={"required": "Select the audit", "invalid_choice": "Select an audit"},
    )
    title = _title("Title of the summary")
    summary = _summary()

    def __init__(self, *args: Any, audits: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["audit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = audits


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label="Take it off the public pages",
        error_messages={"required": "Confirm that it is to be taken off the public pages"},
    )
