"""The business unit's form for an indicator's target, tolerance and scorecard priorities."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from assurance.dataset.catalogue.models import Indicator, Unit
from assurance.partnerships.models import Priority


class TargetForm(forms.Form):
    target = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=4,
        help_text="Leave empty for no target.",
        error_messages={"invalid": "Enter the target as a number, like 85 or 22.5"},
    )
    tolerance = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=4,
        min_value=Decimal(0),
        help_text="How far the value may miss the target and still count as amber, in the "
        "indicator's unit. Leave empty: any miss is red.",
        error_messages={
            "invalid": "Enter the tolerance as a number, like 5",
            "min_value": "Enter a tolerance of 0 or more",
        },
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Show on the scorecards of these priorities",
    )

    def __init__(self, *args: Any, indicator: Indicator, priorities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        field = self.fields["priorities"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = priorities
        self.fields["target"].label = f"Target ({indicator.get_unit_display().lower()})"

    def clean_target(self) -> Decimal | None:
        target: Decimal | None = self.cleaned_data.get("target")
        if target is None:
            return None
        if self.indicator.unit == Unit.PERCENTAGE and not 0 <= target <= 100:
            raise forms.ValidationError("Enter a target between 0 and 100 (it is a percentage)")
        if target < 0:
            raise forms.ValidationError("Enter a target of 0 or more")
        return target

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("tolerance") is not None and data.get("target") is None:
            self.add_error("tolerance", "Enter a target too, or leave the tolerance empty")
        return data
