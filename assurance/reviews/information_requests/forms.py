"""Forms of information requests: the business unit's request to agencies. An agency's answers
are a page of the assessment engine's return form (``audits.forms.ReturnForm``, every section
of the template on one page), so they are asked and checked as every return's are."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import IdentifierCheckMixin, limit_choices
from assurance.partnerships.models import Agency, Partnership
from assurance.partnerships.selectors import working_agencies


class SendForm(IdentifierCheckMixin, forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.unscoped.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Which agencies to ask",
        help_text="Each agency's lead is e-mailed a link; the agency's people answer it.",
        error_messages={"required": "Select the agencies to ask for information"},
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Anything the agencies should look at in particular",
        help_text="Every agency asked reads it. Use the incident's reference only.",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agencies", working_agencies(partnership=partnership))
