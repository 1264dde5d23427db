"""Template helpers for GOV.UK Frontend markup."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

from assurance.core.forms import label_text, required_message

register = template.Library()

_CLASSES = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
}


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def _has_hint(bound_field: forms.BoundField) -> bool:
    return bool(bound_field.help_text or getattr(bound_field.field, "needed_later", ""))


@register.filter
def govuk_widget(bound_field: forms.BoundField) -> SafeString:
    """Render an input, select, textarea or file widget with GOV.UK classes and ARIA links."""
    kind = widget_kind(bound_field)
    css = _CLASSES.get(kind, "")
    existing = bound_field.field.widget.attrs.get("class", "")
    if bound_field.errors and css:
        css = f"{css} {css}--error"
    attrs: dict[str, Any] = {"class": f"{css} {existing}".strip()}
    described = []
    if _has_hint(bound_field):
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def described_by(bound_field: forms.BoundField) -> str:
    parts = []
    if _has_hint(bound_field):
        parts.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        parts.append(f"{bound_field.auto_id}-error")
    return " ".join(parts)


_SELECT_KINDS = {"select", "radios", "checkboxes"}


@register.filter
def govuk_label(bound_field: forms.BoundField) -> str:
    """The field's label as shown: "(optional)" added once, and only when the field may truly
    be left blank (``core.forms.label_text``)."""
    return label_text(bound_field.field, bound_field.label, kind=widget_kind(bound_field))


@register.filter
def govuk_needed_later(bound_field: forms.BoundField) -> str:
    """When a field a form may save blank is needed after all (``core.forms.needed_later``)."""
    return str(getattr(bound_field.field, "needed_later", ""))


@register.filter
def govuk_error(error: str, bound_field: forms.BoundField) -> str:
    """Django's "This field is required." says nothing in an error summary of several fields:
    say what to do with which field instead (GOV.UK error messages: "Enter…", "Select…")."""
    if str(error) != str(forms.Field.default_error_messages["required"]):
        return error
    kind = widget_kind(bound_field)
    if kind == "checkbox":
        return error
    return required_message(bound_field.label or bound_field.name, kind=kind)


@register.filter
def govuk_choices(bound_field: forms.BoundField) -> list[Any]:
    """The radios or checkboxes to show: a required radio group gets no blank "---------"
    option (GOV.UK radios start with nothing selected)."""
    choices = list(bound_field.subwidgets)
    if widget_kind(bound_field) == "radios" and bound_field.field.required:
        choices = [c for c in choices if str(c.data["value"]) != ""]
    return choices


@register.filter
def first_error_anchor(bound_field: forms.BoundField) -> str:
    """The id the error summary links to: the first input of a group, else the field."""
    kind = widget_kind(bound_field)
    if kind in {"radios", "checkboxes"}:
        choices = govuk_choices(bound_field)
        return str(choices[0].id_for_label) if choices else f"{bound_field.auto_id}_0"
    return str(bound_field.auto_id)


@register.filter
def identifier_keep(bound_field: forms.BoundField) -> dict[str, str] | None:
    """The box for why a field's text must stay, when it looks like it holds a child's
    identifier (``core.forms.IdentifierCheckMixin``): its name and the reason typed so far."""
    form: Any = bound_field.form
    prompts = getattr(form, "identifier_prompts", None)
    if not prompts or bound_field.name not in prompts:
        return None
    return {"name": form.keep_name(bound_field.name), "reason": prompts[bound_field.name]}
