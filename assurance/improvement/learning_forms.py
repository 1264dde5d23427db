"""Forms of the learning cycle. Every choice of a related record is limited to the partnership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from assurance.core.forms import DateInput, limit_choices
from assurance.improvement.learning_models import (
    Attendance,
    ChallengeOutcome,
    DecisionOutcome,
    LearningItem,
    LearningSource,
    LearningTheme,
    Meeting,
    PaperKind,
    VoteChoice,
)
from assurance.improvement.learning_rules import Candidate
from assurance.improvement.models import Recommendation
from assurance.partnerships.forms import PartnershipModelForm
from assurance.partnerships.models import Agency, Group, Partnership, Person, Priority


def _audits(partnership: Partnership) -> Any:
    from assurance.audits.models import Audit

    return Audit.objects_for(partnership).order_by("-planned_month")


def _standards(partnership: Partnership) -> Any:
    from assurance.frameworks.models import Item

    return (
        Item.objects.filter(
            section__framework__partnership=partnership,
            section__framework__audits__isnull=False,
            response_type__in=["scale", "yes_no_na"],
        )
        .select_related("section__framework")
        .distinct()
        .order_by("section__framework__name", "section__order", "order")
    )


def _indicators() -> Any:
    from assurance.dataset.models import Indicator

    return Indicator.objects.filter(active=True).order_by("code")


class StandardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.section.framework.name}: {obj.code} {obj.text[:90]}"


class LearningItemForm(PartnershipModelForm):
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
        limit_choices(self, "audit", _audits(partnership))
        limit_choices(self, "standard", _standards(partnership))
        limit_choices(self, "indicator", _indicators())
        limit_choices(self, "themes", LearningTheme.objects_for(partnership))
        if self.instance.pk:
            del self.fields["document"], self.fields["document_title"]

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


class RecommendationForm(forms.Form):
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


# --- meetings -----------------------------------------------------------------------------------


class MeetingForm(PartnershipModelForm):
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
        limit_choices(self, "audit", _audits(partnership))
        limit_choices(
            self,
            "report_meeting",
            Meeting.objects_for(partnership)
            .filter(group__is_decision_making=True)
            .select_related("group"),
        )
        limit_choices(self, "indicator", _indicators())

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


class DecisionForm(forms.Form):
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
        from assurance.improvement.learning_services import OPEN_FOR_DECISION

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


# --- challenges ---------------------------------------------------------------------------------


class ChallengeForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        label="To which agency",
        error_messages={"required": "Select the agency you are challenging"},
    )
    person = forms.ModelChoiceField(
        queryset=Person.unscoped.none(), required=False, label="To whom (optional)"
    )
    subject = forms.CharField(
        max_length=200,
        label="About what",
        error_messages={"required": "Enter what the challenge is about"},
    )
    detail = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="The challenge",
        error_messages={"required": "Enter the challenge"},
    )
    respond_by = forms.DateField(
        widget=DateInput,
        label="Answer by",
        error_messages={"required": "Enter the date the agency should answer by"},
    )
    meeting = forms.ModelChoiceField(
        queryset=Meeting.unscoped.none(), required=False, label="Raised at (optional)"
    )
    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.unscoped.none(),
        required=False,
        label="About the recommendation (optional)",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", Agency.objects_for(partnership).filter(is_active=True))
        limit_choices(
            self,
            "person",
            Person.objects_for(partnership).filter(is_active=True).select_related("agency"),
        )
        limit_choices(self, "meeting", Meeting.objects_for(partnership).select_related("group"))
        limit_choices(self, "recommendation", Recommendation.objects_for(partnership))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person, agency = data.get("person"), data.get("agency")
        if person and agency and person.agency_id != agency.pk:
            self.add_error("person", f"{person} works for {person.agency}, not {agency}.")
        return data


class AnswerForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Your answer",
        error_messages={"required": "Enter your answer"},
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=ChallengeOutcome.choices, widget=forms.RadioSelect, label="Outcome"
    )
    outcome_notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why, and what happens next",
        error_messages={"required": "Enter why, and what happens next"},
    )
