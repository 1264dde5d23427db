"""Forms of sessions and the trainer pool."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from assurance.core.forms import DateInput
from assurance.partnerships.models import Agency, Partnership
from assurance.partnerships.selectors import working_agencies
from assurance.training.sessions.models import Mode, Trainer


class SessionForm(forms.Form):
    date = forms.DateField(
        widget=DateInput, error_messages={"required": "Enter the date of the session"}
    )
    starts = forms.TimeField(
        label="Starts (24-hour clock, for example 09:30)",
        error_messages={
            "required": "Enter the time the session starts",
            "invalid": "Enter the time the session starts as hours and minutes, for example 09:30",
        },
    )
    ends = forms.TimeField(
        label="Ends (24-hour clock, for example 16:00)",
        error_messages={
            "required": "Enter the time the session ends",
            "invalid": "Enter the time the session ends as hours and minutes, for example 16:00",
        },
    )
    mode = forms.ChoiceField(
        label="How",
        choices=Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the session is at a venue or online"},
    )
    venue = forms.CharField(
        label="Where",
        max_length=300,
        required=False,
        help_text="The venue's address; for an online session, how practitioners will join.",
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        error_messages={
            "required": "Enter how many places the session has",
            "min_value": "A session must have at least 1 place",
            "max_value": "A session can have at most 500 places",
            "invalid": "Enter the number of places as a whole number, for example 20",
        },
    )
    trainers = forms.ModelMultipleChoiceField(
        queryset=Trainer.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Trainers (optional)",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        trainers = self.fields["trainers"]
        assert isinstance(trainers, forms.ModelMultipleChoiceField)
        trainers.queryset = Trainer.objects_for(partnership).filter(is_active=True)

    def session_fields(self) -> dict[str, Any]:
        """What the session service takes: the date and times as moments in UK time."""
        data = self.cleaned_data
        zone = timezone.get_current_timezone()

        def at(moment: time) -> datetime:
            return timezone.make_aware(datetime.combine(data["date"], moment), zone)

        return {
            "starts_at": at(data["starts"]),
            "ends_at": at(data["ends"]),
            "mode": data["mode"],
            "venue": data["venue"],
            "capacity": data["capacity"],
            "trainers": data["trainers"],
        }


class TrainerForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the trainer's name"})
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), required=False, label="Agency (optional)"
    )
    email = forms.EmailField(
        label="E-mail (optional)",
        required=False,
        error_messages={"invalid": "Enter an e-mail address like name@example.org"},
    )
    specialisms = forms.CharField(
        label="What they train on (optional)", max_length=300, required=False
    )
    is_active = forms.BooleanField(required=False, initial=True, label="In the trainer pool")

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ModelChoiceField)
        agency.queryset = working_agencies(partnership=partnership)
