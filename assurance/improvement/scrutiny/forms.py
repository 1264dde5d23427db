"""Forms of independent scrutiny: a challenge, an agency's answer, the scrutineer's outcome."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.improvement.learning.models import (
    Recommendation,
)
from assurance.improvement.meetings.models import (
    Meeting,
)
from assurance.improvement.scrutiny.models import ChallengeOutcome
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.partnerships.selectors import working_agencies

# --- challenges ---------------------------------------------------------------------------------


class ChallengeForm(IdentifierCheckMixin, forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        label="To which agency",
        error_messages={"required": "Select the agency you are challenging"},
    )
    person = forms.ModelChoiceField(
        queryset=Person.unscoped.none(), required=False, label="To whom (optional)"
    )
    subject = forms.CharField(
        max_length=200,
        label="About what",
        error_messages={"required": "Enter what the challenge is about"},
    )
    detail = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="The challenge",
        error_messages={"required": "Enter the challenge"},
    )
    respond_by = forms.DateField(
        widget=DateInput,
        label="Answer by",
        error_messages={"required": "Enter the date the agency should answer by"},
    )
    meeting = forms.ModelChoiceField(
        queryset=Meeting.unscoped.none(), required=False, label="Raised at (optional)"
    )
    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.unscoped.none(),
        required=False,
        label="About the recommendation (optional)",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = working_agencies(partnership=partnership)
        limit_choices(self, "agency", agencies)
        people = (
            Person.objects_for(partnership)
            .filter(is_active=True, agency__in=agencies)
            .select_related("agency")
            .order_by("agency__name", "full_name")
        )
        limit_choices(self, "person", people)
        # Grouped by agency, so the person is found under the agency challenged (the form
        # refuses someone of another agency).
        person_field = self.fields["person"]
        assert isinstance(person_field, forms.ModelChoiceField)
        person_field.choices = [("", "No one in particular")] + [
            (agency, [(p.pk, p.full_name) for p in members])
            for agency, members in groupby(people, key=lambda p: p.agency.name)
        ]
        limit_choices(self, "meeting", Meeting.objects_for(partnership).select_related("group"))
        limit_choices(self, "recommendation", Recommendation.objects_for(partnership))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person, agency = data.get("person"), data.get("agency")
        if person and agency and person.agency_id != agency.pk:
            self.add_error("person", f"{person} works for {person.agency}, not {agency}.")
        return data


class AnswerForm(IdentifierCheckMixin, forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Your answer",
        error_messages={"required": "Enter your answer"},
    )


class OutcomeForm(IdentifierCheckMixin, forms.Form):
    outcome = forms.ChoiceField(
        choices=ChallengeOutcome.choices, widget=forms.RadioSelect, label="Outcome"
    )
    outcome_notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why, and what happens next",
        error_messages={"required": "Enter why, and what happens next"},
    )
