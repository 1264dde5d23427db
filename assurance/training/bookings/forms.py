"""Forms of bookings: the public booking form, the confirm and cancel buttons, the register."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.partnerships.models import Agency, Partnership
from assurance.partnerships.selectors import working_agencies
from assurance.training.bookings.models import Booking


class BookingForm(forms.Form):
    name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter your full name"}
    )
    email = forms.EmailField(
        label="Work e-mail address",
        help_text="We will send a link to this address: your booking is made when you follow it.",
        error_messages={
            "required": "Enter your work e-mail address",
            "invalid": "Enter an e-mail address like name@example.org",
        },
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        label="Your agency",
        error_messages={"required": "Select your agency", "invalid_choice": "Select your agency"},
    )
    job_title = forms.CharField(
        label="Job title", max_length=200, error_messages={"required": "Enter your job title"}
    )
    manager_name = forms.CharField(
        label="Your line manager's name",
        max_length=200,
        help_text="Three months after the course we ask your manager how your practice has "
        "changed.",
        error_messages={"required": "Enter your line manager's name"},
    )
    manager_email = forms.EmailField(
        label="Your line manager's work e-mail address",
        error_messages={
            "required": "Enter your line manager's work e-mail address",
            "invalid": "Enter your line manager's e-mail address like name@example.org",
        },
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ModelChoiceField)
        agency.queryset = working_agencies(partnership=partnership)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        own, manager = data.get("email"), data.get("manager_email")
        if own and manager and own.casefold() == manager.casefold():
            self.add_error("manager_email", "Enter your line manager's e-mail, not your own")
        return data


class ConfirmForm(forms.Form):
    """A button: the link's page asks before acting, because e-mail scanners follow links."""


class RegisterChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name}, {obj.job_title}, {obj.agency.short_name}"


class RegisterForm(forms.Form):
    present = RegisterChoices(
        queryset=Booking.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who attended",
        help_text="Tick everyone who attended. Those not ticked are recorded as absent.",
    )

    def __init__(self, *args: Any, bookings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        present = self.fields["present"]
        assert isinstance(present, forms.ModelMultipleChoiceField)
        present.queryset = bookings
