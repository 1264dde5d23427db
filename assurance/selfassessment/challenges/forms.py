"""Forms of the challenge: the panel's ratings and outcome, the group on a round's panel, and an
action raised at the challenge. Free text is read by the identifier check (no child's details)."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import DateInput, IdentifierCheckMixin, limit_choices
from assurance.frameworks.models import Item, ScaleOption
from assurance.partnerships.models import Agency, Group
from assurance.selfassessment.challenges.models import Outcome
from assurance.selfassessment.challenges.selectors import SectionRows
from assurance.selfassessment.challenges.services import Rating

AGREE = ""


class ChallengeForm(IdentifierCheckMixin, forms.Form):
    """For each standard: the rating the panel agreed (or "Agree with the self-rating") and its
    reason; then the outcome, the conclusion and the date of the panel."""

    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="The panel's outcome",
        error_messages={"required": "Choose the panel's outcome"},
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="The panel's conclusion",
        help_text="What the panel found and what it expects of the organisation. The "
        "organisation reads this.",
        error_messages={"required": "Enter the panel's conclusion"},
    )
    met_on = forms.DateField(
        widget=DateInput,
        label="Date of the panel",
        error_messages={
            "required": "Enter the date of the panel",
            "invalid": "Enter the date of the panel as a real date",
        },
    )

    def __init__(self, *args: Any, sections: list[SectionRows], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.options: dict[int, ScaleOption] = {}
        for section in sections:
            for row in section.rows:
                pk = row.item.pk
                current = row.self_rating.label if row.self_rating else "not rated"
                self.fields[f"rating_{pk}"] = forms.ChoiceField(
                    required=False,
                    choices=[
                        (AGREE, f"Agree with the self-rating ({current})"),
                        *((str(o.pk), o.label) for o in row.options),
                    ],
                    label=f"Rating the panel agreed for {row.item.code}",
                    initial=str(row.agreed.option_id) if row.agreed else AGREE,
                )
                self.fields[f"reason_{pk}"] = forms.CharField(
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    label=f"Why the panel rated {row.item.code} differently",
                    help_text="Only where the rating differs from the self-rating.",
                    initial=row.agreed.reason if row.agreed else "",
                )
                self.options.update({o.pk: o for o in row.options})
        self.order_fields(
            [name for name in self.fields if name not in {"outcome", "summary", "met_on"}]
        )

    @property
    def standard_fields(self) -> list[tuple[SectionRows, list[tuple[Any, Any, Any]]]]:
        return [
            (
                section,
                [
                    (row, self[f"rating_{row.item.pk}"], self[f"reason_{row.item.pk}"])
                    for row in section.rows
                ],
            )
            for section in self.sections
        ]

    def ratings(self) -> dict[int, Rating]:
        found: dict[int, Rating] = {}
        for section in self.sections:
            for row in section.rows:
                pk = row.item.pk
                chosen = self.cleaned_data.get(f"rating_{pk}") or AGREE
                option = self.options.get(int(chosen)) if chosen.isdigit() else None
                found[pk] = Rating(option=option, reason=self.cleaned_data.get(f"reason_{pk}", ""))
        return found


class PanelForm(forms.Form):
    group = forms.ModelChoiceField(
        queryset=Group.unscoped.none(),
        label="The group whose members sit on the challenge panel",
        help_text="For example the education group for schools' returns. The business unit "
        "always may challenge.",
        empty_label="Choose a group",
        error_messages={"required": "Choose the group that challenges this round's returns"},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "group", Group.objects_for(partnership).order_by("name"))


class ChallengeActionForm(IdentifierCheckMixin, forms.Form):
    item = forms.ModelChoiceField(
        queryset=Item.objects.none(),
        label="The standard it is about",
        empty_label="Choose a standard",
        error_messages={"required": "Choose the standard the action is about"},
    )
    title = forms.CharField(
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What the organisation will do",
        help_text="Specific: what will change, for whom. The organisation's name and the "
        "standard are put before it in the action log.",
        error_messages={"required": "Enter what the organisation will do"},
    )
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        label="Owner agency in the action log",
        help_text="A school's action is owned by the agency that answers for schools.",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency that owns the action"},
    )
    due_date = forms.DateField(
        widget=DateInput,
        label="Due date",
        error_messages={
            "required": "Enter the date the action is due",
            "invalid": "Enter the due date as a real date",
        },
    )
    measure = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="How success will be measured",
        help_text="In words anyone can check, for example “every governor has had the training "
        "by the next round”.",
        error_messages={"required": "Enter how success will be measured"},
    )

    def __init__(self, *args: Any, partnership: Any, framework_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "item",
            Item.objects.filter(section__framework_id=framework_id)
            .select_related("section")
            .order_by("section__order", "order"),
        )
        self.fields["item"].label_from_instance = lambda item: f"{item.code} {item.text}"  # type: ignore[attr-defined]
        limit_choices(
            self,
            "owner_agency",
            Agency.objects_for(partnership).filter(is_active=True).order_by("name"),
        )
