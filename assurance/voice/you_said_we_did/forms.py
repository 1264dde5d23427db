"""The form of a “you said, we did” answer (the business unit's words about children's
feedback: checked for identifiers like every practitioner's note)."""

from __future__ import annotations

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin
from assurance.improvement.actions.models import Action
from assurance.partnerships.forms import PartnershipModelForm
from assurance.voice.you_said_we_did.models import YouSaidWeDid


class AnswerForm(IdentifierCheckMixin, PartnershipModelForm):
    # Limited to the partnership's action log by PartnershipModelForm.
    action = forms.ModelChoiceField(
        queryset=Action.unscoped.select_related("owner_agency").order_by("title"),
        required=False,
        label="The action in the action log (optional)",
        empty_label="Not linked to an action yet",
        help_text="Its measured impact is shown beside the answer once it is assessed.",
    )

    class Meta:
        model = YouSaidWeDid
        fields = ["theme", "you_said", "we_did", "action", "answered_on"]
        help_texts = {"theme": "The learning cycle's theme the feedback is about."}
        widgets = {
            "you_said": forms.Textarea(attrs={"rows": 3}),
            "we_did": forms.Textarea(attrs={"rows": 3}),
            "answered_on": DateInput(),
        }
        error_messages = {
            "theme": {"required": "Select the theme"},
            "you_said": {"required": "Enter what children and families said"},
            "we_did": {"required": "Enter what was done"},
            "answered_on": {
                "required": "Enter the date of the answer",
                "invalid": "Enter the date of the answer as a real date",
            },
        }
