"""The business unit's form for a local indicator: what it measures, and who answers for it.
Changing what an indicator measures asks from when and why (a new version of its definition)."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, limit_choices
from assurance.dataset.catalogue.models import DEFINITION_FIELDS, Indicator
from assurance.partnerships.models import Agency


class LocalIndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "title",
            "definition",
            "numerator_definition",
            "denominator_definition",
            "unit",
            "polarity",
            "frequency",
            "phase",
            "decimal_places",
            "owner",
        ]
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
            "owner": "Its agencies of the same kind report it in each collection round.",
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
