"""The GOV.UK field template: one error message element per field, however many errors."""

from __future__ import annotations

from django import forms


class _TwoErrors(forms.Form):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    def clean(self) -> dict:
        cleaned = super().clean()
        self.add_error("name", "Enter a shorter name")
        self.add_error("name", "Enter a name that is not in use")
        self.add_error("kind", "Select another kind")
        self.add_error("kind", "Select a kind that applies")
        return cleaned


def test_each_field_has_one_error_element_naming_every_error() -> None:
    form = _TwoErrors(data={"name": "x", "kind": "a"})
    assert not form.is_valid()
    html = str(form["name"].as_field_group()) + str(form["kind"].as_field_group())
    assert html.count('id="id_name-error"') == 1
    assert html.count('id="id_kind-error"') == 1
    assert "Enter a shorter name" in html and "Enter a name that is not in use" in html
    assert "Select another kind" in html and "Select a kind that applies" in html
