"""Forms of participation events and what was heard at them (practitioners' free text about
children: checked for identifiers)."""

from __future__ import annotations

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin
from assurance.partnerships.forms import PartnershipModelForm
from assurance.voice.events.models import ParticipationEvent
from assurance.voice.events.services import BETTER, GOOD
from assurance.voice.feedback.models import AgeBand


class EventForm(IdentifierCheckMixin, PartnershipModelForm):
    class Meta:
        model = ParticipationEvent
        fields = ["title", "kind", "held_on", "agency", "participants", "summary"]
        widgets = {
            "held_on": DateInput(),
            "kind": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter the name of the event"},
            "kind": {"required": "Select the kind of event"},
            "held_on": {
                "required": "Enter the date the event was held",
                "invalid": "Enter the date the event was held as a real date",
            },
            "participants": {
                "required": "Enter how many took part",
                "invalid": "Enter how many took part as a whole number, like 12",
                "min_value": "Enter how many took part as 0 or more",
            },
        }


class HeardForm(IdentifierCheckMixin, forms.Form):
    heard = forms.CharField(
        label="What was heard",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In the children's or parents' own words where you can. No names.",
        error_messages={"required": "Enter what was heard"},
    )
    kind = forms.ChoiceField(
        label="Is it something that works well, or something to change?",
        choices=[(GOOD, "Something that works well"), (BETTER, "Something to change")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether it works well or should change"},
    )
    age_band = forms.ChoiceField(
        label="Who said it",
        choices=AgeBand.choices,
        error_messages={"required": "Select who said it"},
    )
