"""Forms of learning items, themes and recommendations. Every choice of a related record is
limited to the partnership (and read through the owning app's selectors)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms
from django.utils import timezone

from assurance.audits.selectors import audit_choices
from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.dataset.catalogue.selectors import indicator_list
from assurance.frameworks.forms import StandardChoiceField
from assurance.frameworks.selectors import graded_standard_choices
from assurance.improvement.learning.models import (
    LearningItem,
    LearningSource,
    LearningTheme,
)
from assurance.partnerships.forms import PartnershipModelForm
from assurance.partnerships.models import Partnership, Priority


class LearningItemForm(IdentifierCheckMixin, PartnershipModelForm):
    identifier_fields = ("title", "what_was_learned", "source_reference")

    document = forms.FileField(
        required=False,
        label="Document for others to read (optional)",
        help_text="A PDF, Word, Excel, PowerPoint, OpenDocument, text or CSV file up to 10MB. "
        "Do not attach anything that names a child.",
    )
    document_title = forms.CharField(
        max_length=200, required=False, label="Title of the document (optional)"
    )

    class Meta:
        model = LearningItem
        fields = [
            "title",
            "what_was_learned",
            "source",
            "source_reference",
            "learned_on",
            "audit",
            "standard",
            "indicator",
            "themes",
        ]
        labels = {
            "title": "Title",
            "what_was_learned": "What was learned",
            "source": "Where it was learned",
            "source_reference": "Reference (optional)",
            "audit": "Audit (optional)",
            "standard": "Audit standard (optional)",
            "indicator": "Data set indicator (optional)",
            "themes": "Themes (optional)",
        }
        help_texts = {
            "what_was_learned": "In plain English, without naming any child or family.",
            "audit": "For learning from a multi-agency audit: a link, so the findings stay "
            "the audit's own.",
        }
        widgets = {
            "what_was_learned": forms.Textarea(attrs={"rows": 5}),
            "source": forms.RadioSelect,
            "learned_on": DateInput,
            "themes": forms.CheckboxSelectMultiple,
        }
        field_classes = {"standard": StandardChoiceField}
        error_messages = {
            "title": {"required": "Enter a title for the learning"},
            "what_was_learned": {"required": "Enter what was learned"},
            "source": {"required": "Select where it was learned"},
            "learned_on": {"required": "Enter the date it was learned"},
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        audits = audit_choices(partnership=partnership)
        limit_choices(self, "audit", audits)
        standards = graded_standard_choices(partnership=partnership, audited=True)
        chosen = self._chosen_audit(audits)
        if chosen is not None:  # only the chosen audit's tool's standards
            standards = standards.filter(section__framework_id=chosen.framework_id)
        limit_choices(self, "standard", standards)
        # Grouped by tool and section (Key Line of Enquiry), so a standard is found by its place.
        standard_field = self.fields["standard"]
        assert isinstance(standard_field, forms.ModelChoiceField)
        standard_field.choices = [("", "None")] + [
            (group, [(item.pk, f"{item.code} {item.text[:90]}") for item in items])
            for group, items in groupby(
                standards,
                key=lambda item: (
                    f"{item.section.framework.name}: {item.section.code} {item.section.title}"
                ),
            )
        ]
        limit_choices(self, "indicator", indicator_list().order_by("code"))
        limit_choices(self, "themes", LearningTheme.objects_for(partnership))
        if self.instance.pk:
            del self.fields["document"], self.fields["document_title"]

    def _chosen_audit(self, audits: Any) -> Any:
        """The audit the learning is about, as submitted, or as it was (None: not chosen)."""
        key = self.add_prefix("audit")
        value = self.data.get(key) if self.is_bound else self.initial.get("audit")
        if value in (None, "") and self.instance.pk:
            value = self.instance.audit_id
        pk = getattr(value, "pk", value)
        if not str(pk or "").isdigit():
            return None
        return audits.filter(pk=pk).first()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source, audit = data.get("source"), data.get("audit")
        standard = data.get("standard")
        if source == LearningSource.AUDIT and not audit:
            self.add_error("audit", "Select the audit the learning comes from.")
        if source == LearningSource.DATASET and not data.get("indicator"):
            self.add_error("indicator", "Select the indicator the exception is about.")
        if standard and (not audit or audit.framework_id != standard.section.framework_id):
            self.add_error("standard", "Select a standard of the chosen audit's tool.")
        if data.get("document") and not data.get("document_title"):
            self.add_error("document_title", "Enter the title of the document.")
        return data


class LearningDocumentForm(forms.Form):
    title = forms.CharField(max_length=200, label="Title of the document")
    upload = forms.FileField(
        label="Document",
        help_text="A PDF, Word, Excel, PowerPoint, OpenDocument, text or CSV file up to 10MB. "
        "Do not attach anything that names a child.",
    )


class ThemeForm(PartnershipModelForm):
    class Meta:
        model = LearningTheme
        fields = ["title", "description", "priority"]
        labels = {"description": "Description (optional)", "priority": "Priority (optional)"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        limit_choices(self, "priority", Priority.objects_for(partnership))


class RecommendationForm(IdentifierCheckMixin, forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Recommendation",
        error_messages={"required": "Enter the recommendation"},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What the executive is asked to agree, and why",
        error_messages={"required": "Enter what the executive is asked to agree, and why"},
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=LearningTheme.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes it rests on",
    )
    learning_items = forms.ModelMultipleChoiceField(
        queryset=LearningItem.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Learning it rests on",
        help_text="The learning of the themes you select is included.",
    )
    made_on = forms.DateField(
        widget=DateInput,
        required=False,
        label="Date the recommendation was made (optional)",
        help_text="Leave blank for today. If the Assurance and Review Group made it at an "
        "earlier meeting, the date of that meeting: it can then go on the agenda of an "
        "executive meeting held since.",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "themes", LearningTheme.objects_for(partnership))
        limit_choices(self, "learning_items", LearningItem.objects_for(partnership))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("themes") and not data.get("learning_items"):
            self.add_error(
                "themes", "Select the themes or the learning the recommendation rests on."
            )
        made_on = data.get("made_on")
        if made_on and made_on > timezone.localdate():
            self.add_error("made_on", "The date the recommendation was made must be in the past")
        return data
