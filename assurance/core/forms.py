"""GOV.UK Design System rendering for Django forms, and the free-text helpers forms share."""

from __future__ import annotations

from typing import Any

from django.forms import ModelChoiceField
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Render every form and field with the GOV.UK templates in templates/forms/."""

    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


def limit_choices(form: Any, name: str, queryset: Any) -> None:
    """Limit a model choice field's choices (typed, so forms need no ``type: ignore``)."""
    field = form.fields[name]
    if not isinstance(field, ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset
