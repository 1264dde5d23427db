"""Forms of meetings: the meeting, its agenda, attendance, papers and decisions. Every choice of
a related record is limited to the partnership."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.audits.selectors import audit_choices
from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.dataset.catalogue.selectors import indicator_list
from assurance.improvement.learning.models import (
    Recommendation,
)
from assurance.improvement.meetings.agenda import Candidate
from assurance.improvement.meetings.models import (
    Attendance,
    DecisionOutcome,
    Meeting,
    PaperKind,
    VoteChoice,
)
from assurance.improvement.meetings.services import OPEN_FOR_DECISION
from assurance.partnerships.forms import PartnershipModelForm
from assurance.partnerships.models import Agency, Group, Partnership, Person

# --- meetings -----------------------------------------------------------------------------------


class MeetingForm(IdentifierCheckMixin, PartnershipModelForm):
    identifier_fields = ("minutes",)  # not the location: a meeting place may have a postcode

    class Meta:
        model = Meeting
        fields = ["group", "held_on", "location", "minutes"]
        labels = {"location": "Where (optional)", "minutes": "Minutes (optional)"}
        help_texts = {
            "minutes": "What was discussed and agreed. Record decisions on recommendations "
            "separately, so the decision log and the quorum are kept with them.",
        }
        widgets = {"held_on": DateInput, "minutes": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        limit_choices(self, "group", Group.objects_for(partnership))
        if self.instance.pk:
            del self.fields["group"]
        else:
            del self.fields["minutes"]


class AgendaForm(forms.Form):
    """Tick what goes on the agenda; what is due is ticked already."""

    SECTIONS = [
        ("dataset", "The data set's exception report"),
        ("exception", "Data set exceptions recorded as learning"),
        ("learning", "New learning"),
        ("recommendation", "Recommendations awaiting decision"),
        ("action", "Actions due or overdue"),
    ]

    def __init__(
        self, *args: Any, candidates: list[Candidate], chosen: list[Candidate], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        ticked = {(c.kind, c.key) for c in chosen}
        for kind, label in self.SECTIONS:
            options = [c for c in candidates if c.kind == kind]
            if not options:
                continue
            self.fields[kind] = forms.TypedMultipleChoiceField(
                choices=[(c.key, _candidate_label(c)) for c in options],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=label,
                initial=[c.key for c in options if (kind, c.key) in ticked],
            )
        self.fields["other"] = forms.CharField(
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            label="Other business (optional)",
            help_text="One item a line.",
        )


def _candidate_label(c: Candidate) -> str:
    if c.kind == "action":
        state = {"overdue": "overdue", "at_risk": "at risk"}.get(c.status, "")
        due = f"due {c.when:%-d %b %Y}" if c.when else ""
        return f"{c.title} ({', '.join(x for x in (due, state) if x)})"
    if c.kind == "recommendation":
        return f"{c.title} ({Recommendation.Status(c.status).label.lower()})"
    suffix = " – already discussed" if c.already_discussed else ""
    if c.kind == "dataset":
        return c.title.removeprefix("Data set exception: ") + suffix
    return f"{c.title} ({c.when:%-d %b %Y}){suffix}" if c.when else c.title


class PersonChoices(forms.ModelMultipleChoiceField):
    seat_holders: set[int] = set()

    def label_from_instance(self, obj: Any) -> str:
        seat = " (member of the group)" if obj.pk in self.seat_holders else ""
        return f"{obj.full_name}, {obj.agency.short_name}{seat}"


class AttendanceForm(forms.Form):
    present = PersonChoices(
        queryset=Person.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who attended",
    )
    apologies = PersonChoices(
        queryset=Person.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who sent apologies (optional)",
    )

    def __init__(
        self, *args: Any, partnership: Partnership, seat_holders: set[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        people = (
            Person.objects_for(partnership)
            .filter(is_active=True)
            .select_related("agency")
            .order_by("agency__name", "full_name")
        )
        for name in ("present", "apologies"):
            limit_choices(self, name, people)
            field = self.fields[name]
            if isinstance(field, PersonChoices):
                field.seat_holders = seat_holders

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("present"):
            self.add_error("present", "Select who attended.")
        both = set(data.get("present") or []) & set(data.get("apologies") or [])
        if both:
            names = ", ".join(sorted(p.full_name for p in both))
            self.add_error("apologies", f"{names} cannot both attend and send apologies.")
        return data


class PaperForm(forms.Form):
    kind = forms.ChoiceField(
        choices=PaperKind.choices, widget=forms.RadioSelect, label="Kind of report"
    )
    audit = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), required=False, label="Audit (for an audit report)"
    )
    report_meeting = forms.ModelChoiceField(
        queryset=Meeting.unscoped.none(),
        required=False,
        label="Executive meeting (for a highlight report)",
    )
    indicator = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), required=False, label="Indicator (for the data set)"
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "audit", audit_choices(partnership=partnership))
        limit_choices(
            self,
            "report_meeting",
            Meeting.objects_for(partnership)
            .filter(group__is_decision_making=True)
            .select_related("group"),
        )
        limit_choices(self, "indicator", indicator_list().order_by("code"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        needed = {
            PaperKind.AUDIT_REPORT: ("audit", "Select the audit whose report is a paper."),
            PaperKind.HIGHLIGHT_REPORT: ("report_meeting", "Select the executive meeting."),
            PaperKind.INDICATOR: ("indicator", "Select the indicator."),
        }
        kind = data.get("kind")
        if kind in needed:
            field, message = needed[PaperKind(kind)]
            if not data.get(field):
                self.add_error(field, message)
        return data


class DecisionForm(IdentifierCheckMixin, forms.Form):
    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.unscoped.none(), label="Recommendation"
    )
    outcome = forms.ChoiceField(
        choices=DecisionOutcome.choices, widget=forms.RadioSelect, label="Decision"
    )
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Reasons",
        error_messages={"required": "Enter the reasons for the decision"},
    )

    def __init__(
        self,
        *args: Any,
        partnership: Partnership,
        voters: list[Attendance],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)

        limit_choices(
            self,
            "recommendation",
            Recommendation.objects_for(partnership).filter(status__in=OPEN_FOR_DECISION),
        )
        self.voters = voters
        for row in voters:
            self.fields[f"vote_{row.pk}"] = forms.ChoiceField(
                choices=[("", "Did not vote"), *VoteChoice.choices],
                required=False,
                label=f"{row.person.full_name} ({row.agency.short_name})",
            )

    def votes(self) -> dict[int, str]:
        return {
            row.pk: self.cleaned_data.get(f"vote_{row.pk}") or ""
            for row in self.voters
            if self.cleaned_data.get(f"vote_{row.pk}")
        }

    def vote_fields(self) -> list[Any]:
        return [self[f"vote_{row.pk}"] for row in self.voters]

    def main_fields(self) -> list[Any]:
        return [self[name] for name in ("recommendation", "outcome", "reasons")]
