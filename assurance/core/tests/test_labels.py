"""Labels and messages that tell the truth: "(optional)" once and only where a field may stay
blank for good; a missing answer asked for in plain English."""

from __future__ import annotations

import pytest
from django import forms

from assurance.core.forms import label_text, needed_later, required_message


def _field(*, required: bool = False, later: str = "", to_submit: bool = False) -> forms.Field:
    field = forms.CharField(required=required)
    if later:
        needed_later(field, later)
    if to_submit:
        field.required_to_submit = True  # type: ignore[attr-defined]
    return field


@pytest.mark.parametrize(
    ("field", "label", "kind", "shown"),
    [
        (_field(), "Where", "input", "Where (optional)"),
        (_field(), "Where (optional)", "input", "Where (optional)"),
        (_field(), "Where (Optional) ", "input", "Where (optional)"),
        (_field(required=True), "Where (optional)", "input", "Where"),
        (_field(later="before sampling"), "Audit tool", "select", "Audit tool"),
        (_field(to_submit=True), "Evidence", "textarea", "Evidence"),
        (_field(), "Document", "file", "Document"),
        (_field(), "Themes (optional)", "checkboxes", "Themes (optional)"),
    ],
)
def test_optional_is_said_once_and_only_when_true(field, label, kind, shown) -> None:
    assert label_text(field, label, kind=kind) == shown


@pytest.mark.parametrize(
    ("label", "kind", "message"),
    [
        ("Name", "input", "Enter the name"),
        ("What this shows", "textarea", "Enter what this shows"),
        ("How many cases to draw", "input", "Enter how many cases to draw"),
        (
            "Why moderation should start without every return",
            "textarea",
            "Enter why moderation should start without every return",
        ),
        ("Where (optional)", "input", "Enter where"),
        ("Agency", "select", "Select the agency"),
        ("ONS code", "input", "Enter the ONS code"),
        ("File", "file", "Upload the file"),
    ],
)
def test_a_missing_answer_is_asked_for_in_plain_english(label, kind, message) -> None:
    assert required_message(label, kind=kind) == message


def test_a_field_needed_later_says_when_and_is_not_optional() -> None:
    class Plan(forms.Form):
        lead = forms.CharField(required=False)

        def __init__(self) -> None:
            super().__init__()
            needed_later(self.fields["lead"], "before the audit moves to scoping")

    html = str(Plan()["lead"].as_field_group())
    assert "(optional)" not in html
    assert "Needed before the audit moves to scoping." in html
    assert 'aria-describedby="id_lead-hint"' in html
