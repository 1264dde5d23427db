"""The questionnaire form of a personal link, built from the stage's framework: a rating from 1
to 10 for each question about a learning outcome (every one required), and the free-text
questions (optional)."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.identifiers import find_identifiers
from assurance.frameworks.models import Item, ResponseType, Section
from assurance.training.evaluation import questions

RATINGS = [(str(n), str(n)) for n in range(1, 11)]


def field_name(item: Item) -> str:
    return f"item_{item.pk}"


class QuestionnaireForm(forms.Form):
    """``sections`` is the framework's tree (``frameworks.selectors.framework_tree``). What
    looks like a child's identifier in the free text (``core.identifiers``) is refused: no one
    is signed in to say why it must stay, and the answers are read in reports."""

    def __init__(self, *args: Any, sections: list[Section], **kwargs: Any) -> None:
        self.sections = sections
        self.items: dict[str, Item] = {}
        self.options: dict[int, dict[str, int]] = {}
        super_fields: dict[str, forms.Field] = {}
        for section in sections:
            about = questions.outcome_of(section.code) is not None
            for item in section.items.all():
                name = field_name(item)
                self.items[name] = item
                if item.response_type == ResponseType.SCALE and item.scale is not None:
                    self.options[item.pk] = {o.label: o.pk for o in item.scale.options.all()}
                    what = f"“{section.title}”" if about else "the course"
                    super_fields[name] = forms.ChoiceField(
                        label=item.text,
                        choices=RATINGS,
                        widget=forms.RadioSelect,
                        help_text=item.guidance,
                        error_messages={
                            "required": f"Choose a rating from 1 to 10 for {what}: "
                            f"{item.text[0].lower()}{item.text[1:]}"
                        },
                    )
                else:
                    super_fields[name] = forms.CharField(
                        label=item.text,
                        required=False,
                        max_length=2000,
                        help_text=item.guidance,
                        widget=forms.Textarea(attrs={"rows": 4}),
                        error_messages={
                            "max_length": "Write no more than 2,000 characters "
                            "(it has %(show_value)d)"
                        },
                    )
        super().__init__(*args, **kwargs)
        self.fields.update(super_fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, item in self.items.items():
            value = data.get(name)
            if item.response_type != ResponseType.TEXT or not value:
                continue
            findings = find_identifiers(value)
            if findings:
                kinds = " and ".join(sorted({f.label for f in findings}))
                self.add_error(
                    name,
                    f"This looks like it contains {kinds}. Remove it: do not name or identify a "
                    "child or family.",
                )
        return data

    def grouped(self) -> list[tuple[Section, list[forms.BoundField]]]:
        """The bound fields under each section's heading, for the template."""
        return [
            (section, [self[field_name(item)] for item in section.items.all()])
            for section in self.sections
        ]

    def answers(self) -> dict[int, dict[str, Any]]:
        """The engine's answer fields, item id → value."""
        found: dict[int, dict[str, Any]] = {}
        for name, item in self.items.items():
            value = self.cleaned_data.get(name)
            if item.response_type == ResponseType.SCALE:
                found[item.pk] = {"option": self.options[item.pk][str(value)]}
            elif value:
                found[item.pk] = {"text": value}
        return found


class ManagerForm(forms.Form):
    """A practitioner's line manager, added or corrected at the register (the service checks
    the address: ``services.booking_manager_change``)."""

    manager_name = forms.CharField(
        label="Line manager's name",
        max_length=200,
        error_messages={"required": "Enter the line manager's name"},
    )
    manager_email = forms.CharField(
        label="Line manager's work e-mail address",
        max_length=254,
        help_text="Three months after the course we e-mail them a link to give their view of "
        "the practitioner's practice.",
        error_messages={"required": "Enter the line manager's work e-mail address"},
    )
