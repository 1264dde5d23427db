"""The form that opens a round."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.business_year import business_year_label, current_business_year
from assurance.core.forms import DateInput, limit_choices
from assurance.frameworks.models import Framework
from assurance.selfassessment.rounds.models import Audience


class RoundOpenForm(forms.Form):
    framework = forms.ModelChoiceField(
        label="Self-assessment tool",
        queryset=Framework.unscoped.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text="Section 11 rounds run every two years; the others every year.",
    )
    year = forms.TypedChoiceField(label="Business year", coerce=int)
    audience = forms.ChoiceField(
        label="Who takes part", choices=Audience.choices, widget=forms.RadioSelect
    )
    phases = forms.MultipleChoiceField(
        label="Phases of education (schools and colleges only)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every phase.",
    )
    type_groups = forms.MultipleChoiceField(
        label="Types of establishment (schools and colleges only)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every type. Closed schools never take part.",
    )
    deadline = forms.DateField(label="Deadline", widget=DateInput)

    def __init__(
        self,
        *args: Any,
        frameworks: Any,
        phases: list[str],
        type_groups: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "framework", frameworks)
        this_year = current_business_year()
        years = [(y, business_year_label(y)) for y in range(this_year - 1, this_year + 2)]
        self._choices("year", years)
        self.initial.setdefault("year", this_year)
        self._choices("phases", [(p, p) for p in phases])
        self._choices("type_groups", [(t, t) for t in type_groups])

    def _choices(self, name: str, choices: list[tuple[Any, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
