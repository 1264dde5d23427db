"""The access log's filters (a GET form)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from assurance.core.forms import DateInput
from assurance.partnerships.models import Person


class AccessLogFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        queryset=Person.unscoped.none(), required=False, empty_label="Anyone", label="Who"
    )
    record_type = forms.ChoiceField(choices=[("", "Any record")], required=False, label="Record")
    reference = forms.CharField(
        required=False,
        max_length=100,
        label="Reference",
        help_text="The case or return's reference, or a part of it.",
    )
    viewed_from = forms.DateField(required=False, label="Viewed on or after", widget=DateInput)
    viewed_to = forms.DateField(required=False, label="Viewed on or before", widget=DateInput)

    def __init__(self, *args: Any, partnership: Any, record_types: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = self.fields["person"]
        assert isinstance(people, forms.ModelChoiceField)
        people.queryset = Person.objects_for(partnership).order_by("full_name")
        kinds = self.fields["record_type"]
        assert isinstance(kinds, forms.ChoiceField)
        kinds.choices = [("", "Any record"), *record_types]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("viewed_from"), data.get("viewed_to")
        if start and end and start > end:
            raise ValidationError(
                {"viewed_to": "The last day must be the same as or after the first day."}
            )
        return data
