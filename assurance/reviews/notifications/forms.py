"""The serious incident notification form: the facts the partnership needs and no more. There
is no field for a child's name, date of birth or address; the free text is checked for what
looks like one (``IdentifierCheckMixin``)."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.partnerships.forms import PartnershipModelForm
from assurance.partnerships.models import Partnership, Person
from assurance.partnerships.selectors import working_agencies
from assurance.reviews.notifications.models import SeriousIncident


class PanelChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.agency.short_name})"


class SeriousIncidentForm(IdentifierCheckMixin, PartnershipModelForm):
    identifier_fields = ("summary", "area", "panel_reference")

    class Meta:
        model = SeriousIncident
        fields = [
            "incident_type",
            "age_band",
            "summary",
            "became_aware_on",
            "area",
            "looked_after",
            "agencies",
            "panel",
            "notified_on",
            "panel_reference",
            "ofsted_notified_on",
            "secretary_of_state_notified_on",
        ]
        labels = {
            "incident_type": "What happened to the child",
            "age_band": "The child's age",
            "became_aware_on": "Date the local authority became aware",
            "looked_after": "The child was looked after by a local authority",
            "agencies": "Agencies involved",
            "panel": "Who may read this review (its panel)",
            "notified_on": "Date the Panel was notified (if it has been)",
            "panel_reference": "The Panel's reference (optional)",
            "ofsted_notified_on": "Date Ofsted was notified (a looked-after child's death)",
            "secretary_of_state_notified_on": (
                "Date the Secretary of State was notified (a looked-after child's death)"
            ),
        }
        help_texts = {
            "age_band": "An age band, never a date of birth.",
            "became_aware_on": "The deadlines are counted in working days from this date.",
            "panel": "The business unit and the independent scrutineer always may. Everyone "
            "else in the partnership sees only anonymised counts.",
        }
        widgets = {
            "incident_type": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "became_aware_on": DateInput,
            "agencies": forms.CheckboxSelectMultiple,
            "panel": forms.CheckboxSelectMultiple,
            "notified_on": DateInput,
            "ofsted_notified_on": DateInput,
            "secretary_of_state_notified_on": DateInput,
        }
        field_classes = {"panel": PanelChoiceField}
        error_messages = {
            "incident_type": {"required": "Select what happened to the child"},
            "age_band": {"required": "Select the child's age"},
            "summary": {"required": "Enter what happened, without names"},
            "became_aware_on": {
                "required": "Enter the date the local authority became aware",
                "invalid": "Enter a real date for when the local authority became aware",
            },
            "area": {"required": "Enter the area where it happened"},
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        limit_choices(self, "agencies", working_agencies(partnership=partnership))
        limit_choices(
            self,
            "panel",
            Person.objects_for(partnership)
            .filter(is_active=True)
            .select_related("agency")
            .order_by("agency__name", "full_name"),
        )
