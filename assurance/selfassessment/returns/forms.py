"""Forms of returns. A section's page is the assessment engine's return form
(``audits.forms.ReturnForm``: a rating on the tool's scale and a box for each standard) with the
box named as a self-assessment's narrative, and a tick to confirm each answer carried forward
from the last round."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.audits.forms import ReturnForm
from assurance.improvement.actions.evidence import ALLOWED


class SectionForm(ReturnForm):
    def __init__(self, *args: Any, carried: set[int], **kwargs: Any) -> None:
        kwargs["with_narrative"] = False
        super().__init__(*args, **kwargs)
        self.carried_names: dict[int, str] = {}
        for _, rows in self.item_fields:
            for item, response_name, evidence_name in rows:
                self.fields[response_name].label = f"{item.code} {item.text}"
                narrative = self.fields[evidence_name]
                narrative.label = f"Your narrative for {item.code}"
                narrative.help_text = (
                    "How you meet the standard and what shows it. Needed before the return is "
                    "signed off."
                )
                narrative.widget.attrs["rows"] = 4
                if item.pk in carried:
                    name = f"confirm_{item.pk}"
                    self.fields[name] = forms.BooleanField(
                        required=False,
                        label=f"The answer to {item.code} carried forward from the last round is "
                        "still true",
                    )
                    self.carried_names[item.pk] = name

    @property
    def section_rows(self) -> list[tuple[Any, Any, Any, Any]]:
        """Each standard with its rating, its narrative and its confirmation tick (or None)."""
        return [
            (
                item,
                self[r],
                self[e],
                self[self.carried_names[item.pk]] if item.pk in self.carried_names else None,
            )
            for _, rows in self.item_fields
            for item, r, e in rows
        ]

    def confirmed(self) -> set[int]:
        return {pk for pk, name in self.carried_names.items() if self.cleaned_data.get(name)}


class SubmitForm(forms.Form):
    """The head's sign-off, of the version they checked."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="I have read this return and I sign it off as a true account of our safeguarding "
        "arrangements",
        error_messages={"required": "Tick the box to sign the return off"},
    )


class UnlockForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why the return is being unlocked",
        help_text="The organisation's users are e-mailed this reason; it stays in the return's "
        "history.",
        error_messages={"required": "Enter why the return is being unlocked"},
    )


class EvidenceForm(forms.Form):
    description = forms.CharField(
        max_length=300,
        label="What this shows",
        help_text="For example “Safeguarding governor's report to the board, March 2026”.",
        error_messages={"required": "Enter what this evidence shows"},
    )
    file = forms.FileField(
        required=False,
        label="Upload a file",
        help_text=f"A {ALLOWED}, smaller than 10 MB. Do not upload anything that names a child.",
    )
    link = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="Or give a link to a web page",
        help_text="For example the page of your website where the policy is published.",
        error_messages={
            "invalid": "Enter a link in the right format, like https://www.example.org/policy"
        },
    )


class RemoveForm(forms.Form):
    """Removing a file or link: the button alone."""
