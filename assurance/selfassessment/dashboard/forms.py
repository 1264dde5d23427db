"""The dashboard's forms: its filters (a GET form, so a filtered page has its own address and
works without JavaScript) and the chase's confirmation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms

from assurance.selfassessment.dashboard.selectors import KINDS, OVERDUE, Filters
from assurance.selfassessment.rounds.models import ParticipantStatus

FILTER_FIELDS = ("name", "status", "kind", "phase", "type_group", "area")


NAME_LENGTH = 100
_LABELS = {**dict(ParticipantStatus.choices), OVERDUE: "Overdue", **KINDS}


def _offered(choices: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The values each choice filter accepts, given the round's ``selectors.filter_choices``."""
    return {
        "status": [*ParticipantStatus.values, OVERDUE],
        **{name: choices[name] for name in ("kind", "phase", "type_group", "area")},
    }


def asked_filters(
    data: Mapping[str, Any] | None, choices: Mapping[str, list[str]]
) -> tuple[Filters, bool]:
    """The filters asked for in ``data`` (a GET query), a value that is not one of the choices
    ignored; and whether any value was refused (the form, drawn, shows its error). The form's
    own rules, read without building it (a bound form's fields, copied and checked, cost the
    dashboard a tenth of its time)."""
    if data is None:
        return Filters(), False
    offered = _offered(choices)
    values, refused = {}, False
    for name in FILTER_FIELDS:
        value = str(data.get(name, ""))
        if name == "name":  # a CharField: stripped
            value = value.strip()
            refused = refused or len(value) > NAME_LENGTH
            value = value[:NAME_LENGTH]
        elif value and value not in offered[name]:
            refused, value = True, ""
        values[name] = value
    return Filters(**values), refused


class CompletionFilterForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=NAME_LENGTH)
    status = forms.ChoiceField(label="Status", required=False)
    kind = forms.ChoiceField(label="Agency or setting", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    type_group = forms.ChoiceField(label="Type of establishment", required=False)
    area = forms.ChoiceField(
        label="Area", required=False, help_text="The postcode district of the address in GIAS."
    )
    _FIRST = {
        "status": "Any status",
        "kind": "Both",
        "phase": "All phases",
        "type_group": "All types",
        "area": "All areas",
    }

    def __init__(self, *args: Any, choices: Mapping[str, list[str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, values in _offered(choices).items():
            field = cast(forms.ChoiceField, self.fields[name])
            field.choices = [("", self._FIRST[name])] + [(v, _LABELS.get(v, v)) for v in values]


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
