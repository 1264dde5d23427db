"""The business unit's form for a local indicator: what it measures, and who answers for it.
Changing what an indicator measures asks from when and why (a new version of its definition).
The phases the partnership has adopted, and who reports an indicator."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, limit_choices
from assurance.dataset.catalogue.models import (
    DEFINITION_FIELDS,
    LOCAL_FIELDS,
    PHASES,
    Indicator,
)
from assurance.partnerships.models import Agency, AgencyKind


class LocalIndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["code", *LOCAL_FIELDS, "owner"]
        labels = {
            "code": "Code",
            "title": "Title",
            "definition": "Definition",
            "numerator_definition": "Numerator (what is counted)",
            "denominator_definition": "Denominator (out of what)",
            "unit": "Unit",
            "polarity": "Better when",
            "frequency": "How often it is reported",
            "phase": "Phase of the data set",
            "decimal_places": "Decimal places shown",
            "owner": "Agency that answers for it",
        }
        help_texts = {
            "code": "Capital letters, digits and hyphens, like LADO-REF. It cannot be changed "
            "later.",
            "definition": "In plain English: what is counted, over which period, for which "
            "children.",
            "numerator_definition": "For a percentage, rate or ratio.",
            "denominator_definition": "For a percentage, rate or ratio.",
            "owner": "The agencies of its sector are proposed to report it; confirm or change "
            "them on the page of who reports each indicator.",
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 4}),
            "numerator_definition": forms.Textarea(attrs={"rows": 2}),
            "denominator_definition": forms.Textarea(attrs={"rows": 2}),
        }

    changes_from = forms.DateField(
        widget=DateInput,
        required=False,
        label="The new definition applies from",
        help_text="Only when you change what it measures (definition, numerator, denominator, "
        "unit, better when or how often): the first day of the first period measured the new "
        "way. The chart starts a new series there.",
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why the definition changed",
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "owner",
            Agency.objects_for(partnership).filter(is_active=True).order_by("name"),
        )
        self.fields["owner"].required = True
        self.fields["phase"].widget = forms.Select(choices=[(1, "1"), (2, "2"), (3, "3")])
        if self.instance.pk is None:
            del self.fields["changes_from"]
            del self.fields["reason"]
        else:
            del self.fields["code"]

    def clean_code(self) -> str:
        return str(self.cleaned_data.get("code", "")).strip().upper()

    def definition_values(self) -> dict[str, Any]:
        return {f: self.cleaned_data[f] for f in DEFINITION_FIELDS if f in self.cleaned_data}


class PhaseAdoptionForm(forms.Form):
    """The phases a partnership has adopted: for each, the first day of the first period
    collected, or nothing (not adopted)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for phase in PHASES:
            self.fields[f"phase_{phase}"] = forms.DateField(
                widget=DateInput,
                required=False,
                label=f"Phase {phase} adopted from",
                help_text=PHASE_HINTS[phase],
                error_messages={
                    "invalid": f"Enter phase {phase}'s date as a real date, like 1 April 2025"
                },
            )

    def adopted(self) -> dict[int, Any]:
        return {phase: self.cleaned_data.get(f"phase_{phase}") for phase in PHASES}


PHASE_HINTS = {
    1: "Children's social care and police. The first day of the first period collected, for "
    "example 1 April 2025 for the quarter April to June. Leave empty if not adopted.",
    2: "Education, youth justice and health: adopted after phase 1, from the same day or later.",
    3: "Early help and workforce: adopted after phase 2, from the same day or later.",
}


class AssignmentForm(forms.Form):
    """Which of the partnership's agencies report an indicator."""

    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Agencies that report it",
        help_text="Each agency chosen reports its own figure in every collection round of the "
        "indicator; the partnership's figure combines them. Choose none if no agency reports "
        "it yet.",
    )

    by_locality = forms.BooleanField(
        label="Collected by locality",
        required=False,
        help_text="Each agency that reports it also enters a figure for every locality in use "
        "(on the partnership's localities page), adding up to its total; the indicator's page "
        "then shows the figures by locality.",
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the independent scrutiny body scrutinises the figures: it never reports them
        limit_choices(
            self,
            "agencies",
            Agency.objects_for(partnership)
            .filter(is_active=True)
            .exclude(kind=AgencyKind.SCRUTINY)
            .order_by("name"),
        )
