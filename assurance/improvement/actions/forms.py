"""Forms for action plans: an action, a progress update, evidence, completion, a judgement."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.audits.selectors import audit_choices
from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.core.registry import delivery_namer
from assurance.dataset.catalogue.selectors import indicator_list
from assurance.frameworks.forms import StandardChoiceField
from assurance.frameworks.selectors import graded_standard_choices
from assurance.improvement.actions.evidence import ALLOWED
from assurance.improvement.actions.models import (
    DeliveryType,
    ImpactOutcome,
    MeasureKind,
    Rag,
)
from assurance.improvement.actions.services import action_problems
from assurance.improvement.actions.status import STATUS_LABELS
from assurance.partnerships.models import Agency, Person
from assurance.partnerships.selectors import working_agencies


class ActionForm(forms.Form):
    title = forms.CharField(
        max_length=300,
        label="What will be done",
        help_text="Specific: what will change, for whom.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), label="Owner agency", empty_label="Choose an agency"
    )
    owner = forms.ModelChoiceField(
        queryset=Person.unscoped.none(),
        required=False,
        label="Owner (the person accountable)",
        empty_label="No one named yet",
    )
    start_date = forms.DateField(widget=DateInput, required=False, label="Start date")
    due_date = forms.DateField(widget=DateInput, label="Due date")
    delivery_type = forms.ChoiceField(
        choices=DeliveryType.choices, widget=forms.RadioSelect, label="How it will be delivered"
    )
    measure_kind = forms.ChoiceField(
        choices=MeasureKind.choices, widget=forms.RadioSelect, label="Measure of success"
    )
    measure = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="How success will be measured",
        help_text="In words anyone can check, for example “75% of cases meet standard 2.2”.",
    )
    indicator = forms.ModelChoiceField(
        queryset=indicator_list(),
        required=False,
        empty_label="None",
        label="Indicator",
        help_text="Only for a measure of an indicator reaching a target.",
    )
    target_value = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=4,
        label="Target",
        help_text="The indicator's target value, or for a re-audit the percentage of cases "
        "that should meet the standard (optional for a re-audit).",
    )
    baseline_audit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,  # the partnership's closed audits (set in __init__)
        required=False,
        empty_label="None",
        label="Baseline audit",
        help_text="Only for a re-audit: the audit whose result is the starting point.",
    )
    standard = StandardChoiceField(
        queryset=None,  # the partnership's graded standards (set in __init__)
        required=False,
        empty_label="None",
        label="Standard to re-audit",
        help_text="Only for a re-audit: the standard of that audit's tool.",
    )

    def __init__(self, *args: Any, partnership: Any, can_move: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        limit_choices(self, "owner_agency", working_agencies(partnership=partnership))
        limit_choices(self, "owner", Person.objects_for(partnership).select_related("agency"))
        limit_choices(self, "baseline_audit", audit_choices(partnership=partnership, closed=True))
        limit_choices(self, "standard", graded_standard_choices(partnership=partnership))
        namer = delivery_namer()
        if namer is not None and namer.options is not None:
            # training registers its courses: the action's form can name the one delivering it
            self.fields["delivered_by"] = forms.ChoiceField(
                choices=[("", "None"), *namer.options(partnership)],
                required=False,
                label=namer.label,
                help_text="An action measured by the change in the practitioners trained takes "
                "this course's three-month change as its measured impact.",
            )
            names = [n for n in self.fields if n != "delivered_by"]
            after = names.index("delivery_type") + 1
            self.order_fields([*names[:after], "delivered_by", *names[after:]])
        if not can_move:
            self.fields["owner_agency"].disabled = True
            self.fields["owner_agency"].help_text = "Only the business unit can hand an action "
            "to another agency."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, problem in action_problems(data, partnership_id=self.partnership.pk).items():
            if name not in self.errors:
                self.add_error(name, problem)
        return data


class ProgressForm(IdentifierCheckMixin, forms.Form):
    rag = forms.ChoiceField(choices=Rag.choices, widget=forms.RadioSelect, label="Rating")
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Progress since the last update",
        help_text="What has been done, what is next, and anything in the way.",
    )


class EvidenceForm(forms.Form):
    description = forms.CharField(
        max_length=300,
        label="What this shows",
        help_text="For example “Attendance list of the neglect training, 14 March”.",
    )
    file = forms.FileField(
        required=False,
        label="Upload a file",
        help_text=f"A {ALLOWED}, smaller than 10 MB. Do not upload anything that names a child.",
    )
    link = forms.CharField(
        required=False,
        max_length=300,
        label="Or link to a record on the platform",
        help_text="Paste the address of the page, for example an audit report or a meeting.",
    )


class CompleteForm(forms.Form):
    completed_on = forms.DateField(widget=DateInput, label="Date it was completed")


class JudgementForm(IdentifierCheckMixin, forms.Form):
    outcome = forms.ChoiceField(
        choices=[c for c in ImpactOutcome.choices if c[0] != "not_yet"],
        widget=forms.RadioSelect,
        label="What difference did it make",
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="The evidence for this judgement",
        help_text="What was tested, what was found, and where the evidence is.",
    )


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *STATUS_LABELS.items()], required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        required=False,
        empty_label="Any agency",
        label="Owner agency",
    )
    due_before = forms.DateField(required=False, label="Due on or before", widget=DateInput)
