"""Forms for managing a partnership. Choices of related records never cross partnerships."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.roles import STAFF_ROLES
from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    Partnership,
    PartnershipScoped,
    Person,
    Priority,
    QuorumRule,
    StatutoryRole,
)
from assurance.partnerships.neighbours import dfe_2025_neighbours, la_names


class PartnershipModelForm(forms.ModelForm):
    """A model form for a record of one partnership.

    Every related-record choice is limited to the partnership, and uniqueness rules that
    involve the partnership are checked here, so the user gets a message rather than an error.
    """

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.instance.partnership = partnership
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and issubclass(queryset.model, PartnershipScoped):
                field.queryset = queryset.filter(partnership=partnership)  # type: ignore[attr-defined]

    def _get_validation_exclusions(self) -> set[str]:
        exclusions: set[str] = super()._get_validation_exclusions()  # type: ignore[misc]
        exclusions.discard("partnership")
        return exclusions


class PartnershipSettingsForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = [
            "name",
            "local_authority_name",
            "la_code",
            "la_number",
            "require_two_factor",
            "statistical_neighbours",
            "exception_margin",
        ]
        widgets = {"statistical_neighbours": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exception_margin"].required = False
        instance = self.instance
        model = dfe_2025_neighbours(instance.la_code or instance.la_number)
        if model:
            self.fields["statistical_neighbours"].help_text = (
                "ONS codes of the local authorities the data set compares yours with, closest "
                "first, separated by spaces. The DfE 2025 statistical neighbour model gives: "
                + ", ".join(f"{code} ({la_names().get(code, code)})" for code in model)
                + (
                    " (filled in below until you save a list of your own)."
                    if not instance.statistical_neighbours
                    else "."
                )
            )
            if not instance.statistical_neighbours and not self.is_bound:
                self.initial["statistical_neighbours"] = " ".join(model)

    def clean_exception_margin(self) -> int:
        value = self.cleaned_data.get("exception_margin")
        return 10 if value is None else int(value)

    def clean_statistical_neighbours(self) -> str:
        value: str = self.cleaned_data.get("statistical_neighbours") or ""
        codes = value.replace(",", " ").split()
        unknown = [c for c in codes if c not in la_names()]
        if unknown:
            raise forms.ValidationError(
                "Enter the ONS codes of English local authorities with children's services; "
                f"not known: {', '.join(unknown)}"
            )
        return " ".join(dict.fromkeys(codes))


class AgencyForm(PartnershipModelForm):
    class Meta:
        model = Agency
        fields = ["name", "short_name", "kind", "statutory_role", "sector", "is_active"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"is_active": "Active in the partnership"}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind, role = data.get("kind"), data.get("statutory_role")
        if kind == AgencyKind.STATUTORY_PARTNER and not role:
            self.add_error(
                "statutory_role",
                "Select which statutory partner this is: local authority, police or health.",
            )
        if kind == AgencyKind.RELEVANT_AGENCY and role:
            self.add_error(
                "statutory_role", "Only statutory safeguarding partners have a statutory role."
            )
        return data


class GroupForm(PartnershipModelForm):
    class Meta:
        model = Group
        fields = [
            "name",
            "short_name",
            "purpose",
            "chair",
            "accountable_to",
            "meeting_frequency",
            "quorum_rule",
            "quorum_number",
            "voting_rule",
            "is_decision_making",
        ]
        widgets = {"quorum_rule": forms.RadioSelect, "voting_rule": forms.RadioSelect}
        labels = {"is_decision_making": "This group decides on recommendations"}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        rule = data.get("quorum_rule")
        if rule in {QuorumRule.MIN_MEMBER_AGENCIES, QuorumRule.MIN_MEMBERS} and not data.get(
            "quorum_number"
        ):
            self.add_error("quorum_number", "Enter how many are needed for the quorum.")
        if rule in {QuorumRule.ALL_STATUTORY_PARTNERS, QuorumRule.NONE}:
            data["quorum_number"] = None
        parent = data.get("accountable_to")
        seen: set[int] = set()
        while parent is not None and self.instance.pk and parent.pk not in seen:
            if parent.pk == self.instance.pk:
                self.add_error(
                    "accountable_to", "A group cannot be accountable to itself, even indirectly."
                )
                break
            seen.add(parent.pk)
            parent = parent.accountable_to
        return data


class GroupMemberForm(PartnershipModelForm):
    class Meta:
        model = GroupMember
        fields = ["agency", "position", "person", "is_deputy_chair"]
        labels = {"person": "Who holds the seat", "is_deputy_chair": "Deputy chair"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.group: Group = kwargs.pop("group")
        super().__init__(*args, **kwargs)
        self.instance.group = self.group

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        person, agency = data.get("person"), data.get("agency")
        if person and agency and person.agency_id != agency.pk:
            self.add_error("person", f"{person} works for {person.agency}, not {agency}.")
        return data


class PriorityForm(PartnershipModelForm):
    class Meta:
        model = Priority
        fields = ["business_year", "title", "description", "order"]
        labels = {"order": "Order on the page"}

    def clean_business_year(self) -> int:
        year: int = self.cleaned_data["business_year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Enter the year the business year starts, like 2026.")
        return year


class PersonForm(PartnershipModelForm):
    roles = forms.MultipleChoiceField(
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply.",
    )

    class Meta:
        model = Person
        fields = ["full_name", "job_title", "email", "agency", "is_active"]
        labels = {"is_active": "Active (can sign in and be assigned work)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        self.fields["roles"].choices = [(r.value, r.label) for r in STAFF_ROLES]  # type: ignore[attr-defined]
        self.fields["agency"].required = True  # only a school's users have none (ADR 027)
        if self.instance.pk:
            self.initial["roles"] = [role.value for role in self.instance.roles]
        self.order_fields(["full_name", "job_title", "email", "agency", "roles", "is_active"])

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).lower()
        if self.instance.user_id is None:
            # Saving links the person to the account with this address (services.person_save);
            # that account may already belong to someone else in the partnership.
            existing = (
                # Anyone who signs in here, a school's user too (ADR 027)
                Person.unscoped.filter(partnership=self.partnership)
                .filter(user__email__iexact=email)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if existing is not None:
                raise forms.ValidationError(
                    f"This address is the sign-in of {existing}, who is already in the partnership."
                )
        return email

    def save(self, commit: bool = True) -> Person:
        person: Person = super().save(commit=False)
        chosen = set(self.cleaned_data.get("roles") or [])
        for role in STAFF_ROLES:
            setattr(person, Person.ROLE_FIELDS[role], role.value in chosen)
        if commit:
            person.save()
        return person


STATUTORY_ROLE_CHOICES = StatutoryRole.choices
