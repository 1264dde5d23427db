"""A service's refusal on a form: one helper, core.forms.add_service_errors."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from assurance.core.forms import add_service_errors
from assurance.core.spreadsheets import UploadProblem


class _Form(forms.Form):
    title = forms.CharField()
    file = forms.CharField(required=False)


def _valid() -> _Form:
    form = _Form(data={"title": "A title"})
    assert form.is_valid()
    return form


def test_errors_naming_a_field_go_on_it_the_rest_above_the_form() -> None:
    form = _valid()
    add_service_errors(
        form, ValidationError({"title": "Enter another title", "owner": "Choose an owner"})
    )
    assert form.errors["title"] == ["Enter another title"]
    assert form.non_field_errors() == ["Choose an owner"]


def test_plain_messages_go_above_the_form_each_on_its_own() -> None:
    form = _valid()
    add_service_errors(form, ValidationError(["The audit is closed.", "Ask the lead."]))
    assert form.non_field_errors() == ["The audit is closed.", "Ask the lead."]


def test_a_chosen_field_takes_what_names_no_field_and_a_rule_s_value_error() -> None:
    form = _valid()
    add_service_errors(form, ValueError("Row 3: the age band is missing."), field="file")
    add_service_errors(form, ValidationError("The file is empty."), field="file")
    assert form.errors["file"] == ["Row 3: the age band is missing.", "The file is empty."]
    assert not form.non_field_errors()


def test_an_upload_s_problems_on_its_field_at_most_fifty_then_how_many_more() -> None:
    problems = [f"Sheet Returns, row {n}: give a response." for n in range(2, 62)]
    form = _valid()
    add_service_errors(form, UploadProblem(problems).on_field("file"))
    assert form.errors["file"] == [*problems[:50], "… and 10 more problems."]
