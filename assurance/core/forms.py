"""GOV.UK Design System rendering for Django forms, and the free-text helpers forms share."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Render every form and field with the GOV.UK templates in templates/forms/."""

    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"
