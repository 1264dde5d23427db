"""The heat map's choices, sent with GET (a filtered or grouped map has its own address to
share, and works without JavaScript)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from assurance.selfassessment.standards.selectors import HeatFilters

FILTER_FIELDS = ("by", "name", "phase", "type_group")


class HeatMapForm(forms.Form):
    by = forms.ChoiceField(label="Group the schools and colleges by", required=False)
    name = forms.CharField(label="Name", required=False, max_length=100)
    phase = forms.ChoiceField(label="Phase", required=False)
    type_group = forms.ChoiceField(label="Type of establishment", required=False)

    def __init__(
        self, *args: Any, groupings: dict[str, str], choices: dict[str, list[str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.groupings = groupings
        cast(forms.ChoiceField, self.fields["by"]).choices = list(groupings.items())
        for name, first in (("phase", "All phases"), ("type_group", "All types")):
            cast(forms.ChoiceField, self.fields[name]).choices = [("", first)] + [
                (v, v) for v in choices[name]
            ]

    def _value(self, name: str) -> str:
        value = str(self.data.get(name, "")).strip()[:100] if self.is_bound else ""
        field = self.fields[name]
        if isinstance(field, forms.ChoiceField) and not field.valid_value(value):
            return ""
        return value

    def grouping(self) -> str:
        """The grouping asked for, or the first offered ("" when none is)."""
        return self._value("by") or next(iter(self.groupings), "")

    def filters(self) -> HeatFilters:
        """The filters asked for; a value that is not one of the choices is ignored."""
        return HeatFilters(
            phase=self._value("phase"),
            type_group=self._value("type_group"),
            name=self._value("name"),
        )
