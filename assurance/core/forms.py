"""GOV.UK Design System rendering for Django forms, and the free-text helpers forms share."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from django.forms.renderers import TemplatesSetting

from assurance.core.identifiers import Finding, find_identifiers


class GovukFormRenderer(TemplatesSetting):
    """Render every form and field with the GOV.UK templates in templates/forms/."""

    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


class DateInput(forms.DateInput):
    """The browser's date picker (``<input type="date">``). Its value must be ISO (yyyy-mm-dd)
    whatever the locale: with the en-GB format (dd/mm/yyyy) the browser shows an empty box, and
    saving the form again would silently clear the date."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format=format or "%Y-%m-%d")


def add_service_errors(
    form: Any, exc: ValidationError | ValueError, *, field: str | None = None
) -> None:
    """Put a service's refusal on the form: a ValidationError's errors on the fields it names
    where the form has them; the rest (plain messages, a pure rule's ValueError) on ``field``
    if given, else above the form. The error summary lists them all."""
    if not isinstance(exc, ValidationError):
        exc = ValidationError(str(exc))
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            target = name if name in form.fields else field
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(field, message)


OPTIONAL = "(optional)"
_OPTIONAL_AT_END = re.compile(r"\s*\(optional\)\s*$", re.IGNORECASE)
# Labels that are a question or already say whose it is read as they are after "Enter" or
# "Select": "Enter what this shows", not "Enter the what this shows".
_NO_ARTICLE = frozenset(
    [
        "a",
        "an",
        "the",
        "what",
        "who",
        "whom",
        "whose",
        "why",
        "how",
        "when",
        "where",
        "which",
        "whether",
        "if",
        "your",
        "their",
        "its",
        "his",
        "her",
        "each",
        "every",
        "any",
    ]
)


def needed_later(field: forms.Field, when: str) -> None:
    """A field that may be saved blank for now but is needed later (``when``: "before the audit
    moves to scoping"): it is not labelled "(optional)", and its hint says when it is needed."""
    field.needed_later = f"Needed {when}."  # type: ignore[attr-defined]


def bare_label(label: Any) -> str:
    """A label without any "(optional)" written into it (the field template adds it)."""
    return _OPTIONAL_AT_END.sub("", str(label or "")).rstrip(": ")


def label_text(field: forms.Field, label: Any, *, kind: str = "input") -> str:
    """What a field's label says: "(optional)" once, only where the field may stay blank for
    good (not required now, not before submitting, not needed later; a file box says nothing).
    """
    text = bare_label(label)
    optional = (
        not field.required
        and kind not in {"file", "checkbox"}
        and not getattr(field, "required_to_submit", False)
        and not getattr(field, "needed_later", "")
    )
    return f"{text} {OPTIONAL}" if optional else text


def required_message(label: Any, *, kind: str) -> str:
    """The GOV.UK message for a missing answer: "Enter the name", "Select the agency", "Enter
    what this shows" (a label that is a question or names whose it is takes no "the")."""
    text = bare_label(label)
    if text[:1].isupper() and not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    verb = (
        "Select"
        if kind in {"select", "radios", "checkboxes"}
        else "Upload"
        if kind == "file"
        else "Enter"
    )
    first = text.split(" ", 1)[0].lower() if text else ""
    return f"{verb} {text}" if first in _NO_ARTICLE else f"{verb} the {text}"


def limit_choices(form: Any, name: str, queryset: Any) -> None:
    """Limit a model choice field's choices (typed, so forms need no ``type: ignore``)."""
    field = form.fields[name]
    if not isinstance(field, ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


KEEP_PREFIX = "keep_"


def identifier_message(findings: list[Finding]) -> str:
    """What a field's error says: what its text looks like, quoting it, and what to do."""
    labels = " and ".join(sorted({finding.label for finding in findings}))
    quoted = ", ".join(f"“{finding.text}”" for finding in findings[:3])
    return (
        f"This looks like it contains {labels} ({quoted}). Remove it, or say below why it must "
        "stay."
    )


class IdentifierCheckMixin:
    """Free text that looks like a child's identifier (``core.identifiers``: an NHS number, a
    date of birth, a postcode, contact details) is flagged before it is saved, on every form
    that takes free text about children's cases.

    A flagged field gets an error naming what was found, and a box under it ("If this must
    stay, say why", rendered by ``forms/govuk_field.html``); with a reason given, the text is
    kept and ``kept`` holds ``{field: (kinds, reason)}`` for the view to record (``FormPageView``
    does, for every form page). The fields checked are ``identifier_fields``, or by default every
    free-text field (a ``CharField`` typed into a text box or text area).
    """

    identifier_fields: tuple[str, ...] | None = None

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]
    data: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.identifier_prompts: dict[str, str] = {}  # flagged field → the reason typed so far
        self.identifier_findings: dict[str, list[Finding]] = {}  # flagged and not yet kept
        self.kept: dict[str, tuple[str, str]] = {}

    def identifier_texts(self) -> dict[str, str]:
        """The free text to check, by field name."""
        names = self.identifier_fields
        if names is None:
            names = tuple(
                name
                for name, field in self.fields.items()
                if isinstance(field, forms.CharField)
                and isinstance(field.widget, forms.TextInput | forms.Textarea)
            )
        return {
            name: value
            for name in names
            if isinstance(value := self.cleaned_data.get(name), str) and value
        }

    def keep_name(self, name: str) -> str:
        """The name of the box for the reason a flagged field's text must stay."""
        return KEEP_PREFIX + self.add_prefix(name)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}  # type: ignore[misc]
        self.identifier_prompts, self.identifier_findings, self.kept = {}, {}, {}
        for name, value in self.identifier_texts().items():
            findings = find_identifiers(value)
            if not findings:
                continue
            reason = str(self.data.get(self.keep_name(name), "")).strip()
            self.identifier_prompts[name] = reason
            if reason:
                self.kept[name] = (", ".join(dict.fromkeys(f.kind for f in findings)), reason)
                continue
            self.identifier_findings[name] = findings
            self.add_error(name, identifier_message(findings))  # type: ignore[attr-defined]
        return data
