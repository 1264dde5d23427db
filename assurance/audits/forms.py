"""Forms for audits. Choices never cross partnerships (PartnershipModelForm)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from assurance.audits.models import Audit, AuditCase, AuditStatus, KeyMessage, SampleDraw
from assurance.audits.progress import NARRATIVE_FIELDS
from assurance.core.business_year import business_year_of
from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices, needed_later
from assurance.frameworks.models import Framework
from assurance.partnerships.forms import PartnershipModelForm
from assurance.partnerships.models import Agency, Person
from assurance.partnerships.selectors import working_agencies

MONTHS = [
    (4, "April"),
    (5, "May"),
    (6, "June"),
    (7, "July"),
    (8, "August"),
    (9, "September"),
    (10, "October"),
    (11, "November"),
    (12, "December"),
    (1, "January"),
    (2, "February"),
    (3, "March"),
]


class AuditForm(PartnershipModelForm):
    business_year_start = forms.IntegerField(
        label="Business year",
        help_text="The year the business year starts: 2026 for 2026/27.",
        min_value=2000,
        max_value=2100,
    )
    month = forms.TypedChoiceField(label="Planned month", choices=MONTHS, coerce=int)

    class Meta:
        model = Audit
        fields = [
            "title",
            "theme",
            "kind",
            "scope",
            "sample_criteria",
            "target_sample_size",
            "framework",
            "lead",
            "agencies",
            "returns_due",
            "moderation_date",
            "report_due",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "agencies": forms.CheckboxSelectMultiple,
            "returns_due": DateInput,
            "moderation_date": DateInput,
            "report_due": DateInput,
            "scope": forms.Textarea(attrs={"rows": 3}),
            "sample_criteria": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agencies", working_agencies(partnership=self.partnership))
        limit_choices(
            self,
            "lead",
            (Person.objects_for(self.partnership).filter(is_active=True).select_related("agency")),
        )
        limit_choices(self, "framework", Framework.objects_for(self.partnership))
        self.fields["framework"].required = False
        self.fields["lead"].required = False
        # A plan may be saved without these, but the audit cannot move on without them
        # (lifecycle.blockers): they are not "optional".
        needed_later(self.fields["lead"], "before the audit moves to scoping")
        for name in ("framework", "scope", "sample_criteria", "agencies"):
            needed_later(self.fields[name], "before cases are sampled")
        self.order_fields(["title", "theme", "kind", "business_year_start", "month"])
        planned = self.instance.planned_month
        if planned:
            self.initial.setdefault("business_year_start", business_year_of(planned))
            self.initial.setdefault("month", planned.month)
        if self.instance.pk and self.instance.status not in {
            AuditStatus.PLANNED,
            AuditStatus.SCOPING,
        }:
            self.fields["framework"].disabled = True

    def business_year(self) -> int:
        return int(self.cleaned_data["business_year_start"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year, month = data.get("business_year_start"), data.get("month")
        if year and month:
            self.instance.planned_month = date(year if month >= 4 else year + 1, month, 1)
        return data


class CaseForm(forms.Form):
    age_band = forms.ChoiceField(choices=AuditCase.AgeBand.choices)
    gender = forms.ChoiceField(choices=AuditCase.Gender.choices, widget=forms.RadioSelect)
    ethnicity = forms.CharField(
        required=False,
        max_length=80,
        help_text="The census ethnic group, for example White British.",
    )
    selection_reason = forms.CharField(
        label="Why this case was selected", max_length=300, required=False
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.unscoped.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Agencies involved with the case",
        help_text="Each agency ticked will audit its own records of this child.",
    )

    def __init__(
        self, *args: Any, audit: Audit, record_agency: Agency | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agencies", audit.agencies.all())
        for agency in audit.agencies.all():
            self.fields[f"record_{agency.pk}"] = forms.CharField(
                label=f"{agency.name}: record number",
                required=False,
                max_length=60,
                help_text="The agency's own case or record number. It is encrypted and shown "
                "only to that agency's assigned auditors and lead, and to the business unit.",
            )

    def record_numbers(self) -> dict[int, str]:
        return {
            int(name.split("_")[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("record_") and value
        }


class DrawForm(forms.Form):
    candidates = forms.FileField(
        label="List of candidate cases (CSV)",
        help_text="Columns: record_number (required), age_band, gender, ethnicity, agencies "
        "(the agencies' short or full names, listed above, separated by ';'), reason. One row "
        "per eligible case.",
    )
    record_agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), label="Whose record numbers are these?"
    )
    method = forms.ChoiceField(choices=SampleDraw.Method.choices, widget=forms.RadioSelect)
    size = forms.IntegerField(label="How many cases to draw", min_value=1, max_value=500)
    stratify_by = forms.ChoiceField(
        required=False,
        label="Stratify by (stratified samples only)",
        choices=[
            ("", "Not stratified"),
            ("age_band", "Age band"),
            ("gender", "Gender"),
            ("ethnicity", "Ethnicity"),
        ],
    )
    seed = forms.IntegerField(
        required=False,
        min_value=0,
        label="Seed",
        help_text="Leave blank for a new random seed. Enter an earlier draw's seed, with the "
        "same list, to reproduce it.",
    )

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "record_agency", audit.agencies.all())


class AssignForm(forms.Form):
    auditors = forms.ModelMultipleChoiceField(
        queryset=Person.unscoped.none(), widget=forms.CheckboxSelectMultiple
    )
    due_date = forms.DateField(widget=DateInput, required=False, label="Due date")

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "auditors", Person.unscoped.filter(agency=agency, is_auditor=True, is_active=True)
        )


class AssignReturnsForm(forms.Form):
    """An agency lead assigns auditors to all their agency's returns in an audit: one auditor
    for every case that has none, or a person per case (which wins)."""

    everyone = forms.ModelChoiceField(
        queryset=Person.unscoped.none(),
        required=False,
        label="One auditor for every case without one",
        empty_label="Choose per case below",
        help_text="They audit every case below that has no auditor yet and for which you "
        "choose no one else.",
    )
    due_date = forms.DateField(
        widget=DateInput,
        required=False,
        label="Due date",
        help_text="Leave blank to keep each return's due date.",
    )

    def __init__(self, *args: Any, agency: Agency, returns: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.unscoped.filter(agency=agency, is_auditor=True, is_active=True).order_by(
            "full_name"
        )
        limit_choices(self, "everyone", people)
        self.returns = [r for r in returns if not r.is_locked]
        for agency_return in self.returns:
            current = ", ".join(p.full_name for p in agency_return.auditors.all())
            field = forms.ModelChoiceField(
                queryset=people,
                required=False,
                label=f"Case {agency_return.case.reference}",
                empty_label="Keep as it is" if current else "No one yet",
                help_text=f"Now: {current}." if current else "No auditor yet.",
            )
            self.fields[f"return_{agency_return.pk}"] = field
        self.order_fields(["everyone", *(f"return_{r.pk}" for r in self.returns), "due_date"])

    def assignments(self) -> dict[int, list[Person]]:
        """The auditors chosen, by return id (returns left as they are are not named)."""
        everyone = self.cleaned_data.get("everyone")
        chosen: dict[int, list[Person]] = {}
        for agency_return in self.returns:
            person = self.cleaned_data.get(f"return_{agency_return.pk}")
            unassigned = not agency_return.auditors.all()
            if person is None and everyone is not None and unassigned:
                person = everyone
            if person is not None:
                chosen[agency_return.pk] = [person]
        return chosen

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and self.returns and not self.assignments():
            self.add_error(
                "everyone",
                "Choose one auditor for every case without one, or an auditor for a case.",
            )
        return data


class SendBackForm(forms.Form):
    comments = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), label="What the auditor needs to change"
    )


class MissingReturnsForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why moderation should start without every return",
    )


class KeyMessageForm(IdentifierCheckMixin, forms.Form):
    kind = forms.ChoiceField(choices=KeyMessage.Kind.choices, widget=forms.RadioSelect)
    aspect = forms.CharField(max_length=120, help_text="For example Voice of the child.")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))


class LearningEventForm(IdentifierCheckMixin, forms.Form):
    held_on = forms.DateField(widget=DateInput, label="Date")
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.unscoped.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Agencies attending",
    )
    attendee_count = forms.IntegerField(min_value=0, label="Number of people attending")
    what_was_shared = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agencies", Agency.objects_for(partnership))


class ModerationMeetingForm(IdentifierCheckMixin, forms.Form):
    held_on = forms.DateField(widget=DateInput, label="Date of the meeting")
    attendees = forms.ModelMultipleChoiceField(
        queryset=Person.unscoped.none(), widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "attendees",
            (Person.objects_for(partnership).filter(is_active=True).select_related("agency")),
        )


class ReturnForm(IdentifierCheckMixin, forms.Form):
    """One page of an agency's return: a response and evidence for each item of ``sections``
    (one KLOE), or the summary (``with_narrative``).

    ``revision`` is the version of the return the page was opened at, ``state`` what the page's
    own answers were then (``progress.page_state``): a save that finds the return saved by
    someone else since can tell whether they changed this page. Free text that looks like a
    child identifier is flagged before saving: the auditor removes it or, for each flagged
    field, says why it must stay (the flag is recorded on the return, ``IdentifierFlag``).
    """

    revision = forms.IntegerField(widget=forms.HiddenInput)
    state = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        sections: list[Any],
        answers: dict[int, Any],
        agency_return: Any,
        with_narrative: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.changes: dict[str, str] = {}  # set by the page after a conflict
        self.item_fields: list[tuple[Any, list[tuple[Any, str, str]]]] = []
        for section in sections:
            rows = []
            for item in section.items.all():
                answer = answers.get(item.pk)
                response_name, evidence_name = f"item_{item.pk}", f"evidence_{item.pk}"
                response = self._response_field(item, answer)
                evidence = forms.CharField(
                    label=f"Evidence for {item.code}",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=answer.evidence if answer else "",
                    help_text=self._evidence_hint(item),
                )
                # A draft may leave anything blank, but submitting needs every response and the
                # evidence the tool asks for: such fields are not labelled "(optional)".
                response.required_to_submit = True  # type: ignore[attr-defined]
                evidence.required_to_submit = item.evidence_required  # type: ignore[attr-defined]
                self.fields[response_name], self.fields[evidence_name] = response, evidence
                rows.append((item, response_name, evidence_name))
            self.item_fields.append((section, rows))
        self.narrative_names = NARRATIVE_FIELDS if with_narrative else ()
        for name in self.narrative_names:
            model_field = agency_return._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=str(model_field.verbose_name).capitalize(),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=getattr(agency_return, name),
            )

    @staticmethod
    def _evidence_hint(item: Any) -> str:
        if not item.evidence_required:
            return ""
        options = item.scale.options.all() if item.is_graded and item.scale is not None else []
        if any(o.is_not_applicable for o in options):
            return "Needed before you submit, unless you answer Not applicable."
        return "Needed before you submit."

    @staticmethod
    def _response_field(item: Any, answer: Any) -> forms.Field:
        label = f"{item.code} {item.text}"
        if item.is_graded and item.scale is not None:
            return forms.TypedChoiceField(
                label=label,
                required=False,
                widget=forms.RadioSelect,
                coerce=int,
                choices=[(o.pk, o.label) for o in item.scale.options.all()],
                initial=answer.option_id if answer else None,
                help_text=item.guidance,
            )
        if item.response_type == "number":
            return forms.DecimalField(
                label=label,
                required=False,
                help_text=item.guidance,
                initial=answer.number if answer else None,
            )
        if item.response_type == "date":
            return forms.DateField(
                label=label,
                required=False,
                widget=DateInput,
                help_text=item.guidance,
                initial=answer.date if answer else None,
            )
        return forms.CharField(
            label=label,
            required=False,
            help_text=item.guidance,
            widget=forms.Textarea(attrs={"rows": 3}),
            initial=answer.text if answer else "",
        )

    @property
    def bound_rows(self) -> list[tuple[Any, list[tuple[Any, Any, Any, str]]]]:
        """Per section: each item, its two fields, and what someone else saved meanwhile (after
        a conflict, where it differs from what was typed; else "")."""
        return [
            (section, [(item, self[r], self[e], self.changes.get(r, "")) for item, r, e in rows])
            for section, rows in self.item_fields
        ]

    @property
    def bound_narrative(self) -> list[tuple[Any, str]]:
        return [(self[name], self.changes.get(name, "")) for name in self.narrative_names]

    def text_fields(self) -> dict[str, str]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if isinstance(value, str) and value and name not in {"revision", "state"}
        }

    def answers(self) -> dict[int, dict[str, Any]]:
        result: dict[int, dict[str, Any]] = {}
        for _, rows in self.item_fields:
            for item, response_name, evidence_name in rows:
                value = self.cleaned_data.get(response_name)
                entry: dict[str, Any] = {"evidence": self.cleaned_data.get(evidence_name, "")}
                if item.is_graded:
                    entry["option"] = value or None
                elif item.response_type == "number":
                    entry["number"] = value
                elif item.response_type == "date":
                    entry["date"] = value
                else:
                    entry["text"] = value or ""
                result[item.pk] = entry
        return result

    def narrative(self) -> dict[str, str]:
        """The summary's boxes on this page (none on a KLOE's page)."""
        return {name: self.cleaned_data.get(name, "") for name in self.narrative_names}

    def identifier_texts(self) -> dict[str, str]:
        return self.text_fields()


class ReturnSubmitForm(forms.Form):
    """Submitting a return from its check-answers page: the version the auditor checked."""

    revision = forms.IntegerField(widget=forms.HiddenInput)


class ReturnUploadForm(forms.Form):
    file = forms.FileField(label="Completed returns workbook (.xlsx)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("The file must be an Excel workbook (.xlsx).")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        return upload


class CaseUploadForm(forms.Form):
    cases = forms.FileField(
        label="Cases (CSV)",
        help_text="Columns: record_number (required), age_band, gender, ethnicity, agencies "
        "(the agencies' short or full names, listed above, separated by ';'), reason. One row "
        "per case.",
    )
    record_agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(), label="Whose record numbers are these?"
    )

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "record_agency", audit.agencies.all())
