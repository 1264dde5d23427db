"""Forms of the rapid review: the business unit's record, the review meeting, and the
scrutineer's review."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.improvement.meetings.models import Meeting
from assurance.reviews.rapid_reviews.models import Outcome

CHOICES = [("", "Not yet"), *Outcome.choices]


class RapidReviewForm(IdentifierCheckMixin, forms.Form):
    sent_on = forms.DateField(
        widget=DateInput, required=False, label="Date the rapid review was sent to the Panel"
    )
    recommendation = forms.ChoiceField(
        choices=CHOICES,
        required=False,
        widget=forms.RadioSelect,
        label="What the rapid review recommends",
    )
    recommendation_reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Why"
    )
    decision = forms.ChoiceField(
        choices=CHOICES,
        required=False,
        widget=forms.RadioSelect,
        label="What the safeguarding partners decided",
    )
    decided_on = forms.DateField(widget=DateInput, required=False, label="Date of the decision")
    decision_reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="The reasons for the decision",
    )
    panel_response = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="What the Panel said"
    )
    panel_response_on = forms.DateField(
        widget=DateInput, required=False, label="Date of the Panel's response"
    )


class ScrutineerReviewForm(IdentifierCheckMixin, forms.Form):
    scrutineer_review = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Your review of the decision",
        help_text="Whether the decision follows from the rapid review, and anything the "
        "safeguarding partners should reconsider.",
        error_messages={"required": "Enter your review of the decision"},
    )


class MeetingChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.group.name}, {obj.held_on:%A %-d %B %Y}"


class MeetingLinkForm(forms.Form):
    meeting = MeetingChoice(
        queryset=Meeting.unscoped.none(),
        widget=forms.RadioSelect,
        label="Which meeting is the review meeting?",
        help_text="The partnership's meetings since the local authority became aware. Add the "
        "meeting under Learning → Meetings first if it is not here.",
        error_messages={"required": "Select the review meeting"},
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "meeting", meetings)
