"""The business unit's choice of the groups with voice on every agenda."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from assurance.core.forms import limit_choices
from assurance.partnerships.models import Group


class AgendaGroupsForm(forms.Form):
    groups = forms.ModelMultipleChoiceField(
        label="Groups",
        queryset=Group.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Usually the Assurance and Review Group.",
    )

    def __init__(self, *args: Any, groups: QuerySet[Group], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "groups", groups)
