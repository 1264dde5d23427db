"""The practitioner's survey form (one short page: each standard of the round's tool as a
question on the same scale, and an optional comment) and the business unit's confirmations."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.selfassessment.surveys.models import StaffAnswer
from assurance.selfassessment.surveys.selectors import Standard
from assurance.selfassessment.surveys.services import MAX_COMMENT


def field_name(code: str) -> str:
    return f"standard_{code}"


class StaffSurveyForm(forms.Form):
    """What a practitioner says of their organisation: no name, no e-mail, nothing about
    them. The comment is checked for identifiers when it is stored (the service refuses it)."""

    comment = forms.CharField(
        label="Anything else you want to tell us about safeguarding where you work? (optional)",
        help_text="Do not write your name, a colleague's or a child's, or anything else that "
        "could identify someone.",
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"Your comment must be {MAX_COMMENT:,} characters or fewer"},
    )

    def __init__(self, *args: Any, standards: list[Standard], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        comment = self.fields.pop("comment")
        self.sections: list[tuple[str, list[str]]] = []
        for standard in standards:
            name = field_name(standard.code)
            self.fields[name] = forms.ChoiceField(
                label=standard.question,
                choices=StaffAnswer.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose an answer for “{standard.question}”, or “I don't know”"
                },
            )
            if not self.sections or self.sections[-1][0] != standard.section:
                self.sections.append((standard.section, []))
            self.sections[-1][1].append(name)
        self.fields["comment"] = comment

    def section_fields(self) -> list[tuple[str, list[Any]]]:
        return [(title, [self[name] for name in names]) for title, names in self.sections]

    def answers(self) -> dict[str, str]:
        prefix = "standard_"
        return {
            name.removeprefix(prefix): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix)
        }


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation."""
