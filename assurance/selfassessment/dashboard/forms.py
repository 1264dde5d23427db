"""The dashboard's forms: its filters (a GET form, so a filtered page has its own address and
works without JavaScript) and the chase's confirmation."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from assurance.selfassessment.dashboard.selectors import KINDS, OVERDUE, Filters
from assurance.selfassessment.rounds.models import ParticipantStatus

FILTER_FIELDS = ("name", "status", "kind", "phase", "type_group", "area")


def _choices(field: forms.Field, first: str, values: list[str], labels: dict[str, str]) -> None:
    cast(forms.ChoiceField, field).choices = [("", first)] + [(v, labels.get(v, v)) for v in values]


class CompletionFilterForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=100)
    status = forms.ChoiceField(label="Status", required=False)
    kind = forms.ChoiceField(label="Agency or setting", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    type_group = forms.ChoiceField(label="Type of establishment", required=False)
    area = forms.ChoiceField(
        label="Area", required=False, help_text="The postcode district of the address in GIAS."
    )

    def __init__(self, *args: Any, choices: dict[str, list[str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        statuses = [*ParticipantStatus.values, OVERDUE]
        labels = {**dict(ParticipantStatus.choices), OVERDUE: "Overdue", **KINDS}
        _choices(self.fields["status"], "Any status", statuses, labels)
        _choices(self.fields["kind"], "Both", choices["kind"], labels)
        _choices(self.fields["phase"], "All phases", choices["phase"], labels)
        _choices(self.fields["type_group"], "All types", choices["type_group"], labels)
        _choices(self.fields["area"], "All areas", choices["area"], labels)

    def filters(self) -> Filters:
        """The filters asked for; a value that is not one of the choices is ignored."""
        if not self.is_bound:
            return Filters()
        values = {}
        for name in FILTER_FIELDS:
            value = str(self.data.get(name, "")).strip()[:100]
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField) and not field.valid_value(value):
                value = ""
            values[name] = value
        return Filters(**values)


class ChaseForm(forms.Form):
    """The chase's confirmation: the participants chosen, carried by the page."""

    participants = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_participants(self) -> list[int]:
        text = self.cleaned_data["participants"]
        try:
            ids = [int(part) for part in text.split(",") if part.strip()]
        except ValueError as exc:
            raise forms.ValidationError("The choice of participants was not understood.") from exc
        if not ids:
            raise forms.ValidationError("Tick at least one school or agency to chase.")
        return ids
