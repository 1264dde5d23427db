"""GOV.UK Design System rendering for Django forms, and the free-text helpers forms share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from django.forms.renderers import TemplatesSetting


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


def limit_choices(form: Any, name: str, queryset: Any) -> None:
    """Limit a model choice field's choices (typed, so forms need no ``type: ignore``)."""
    field = form.fields[name]
    if not isinstance(field, ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset
