"""Free text that looks like a child's identifier is flagged on the form before it is saved
(``core.forms.IdentifierCheckMixin``): the field's error names what was found; with a reason for
keeping it, the text is accepted and the reason is handed on to be recorded."""

from __future__ import annotations

from django import forms

from assurance.core.forms import IdentifierCheckMixin

NHS = "Seen at clinic, NHS number 943 476 5919."


class NoteForm(IdentifierCheckMixin, forms.Form):
    title = forms.CharField()
    note = forms.CharField(widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)
    when = forms.DateField(required=False)
    kind = forms.ChoiceField(choices=[("a", "A")], required=False)


class MinutesForm(IdentifierCheckMixin, forms.Form):
    identifier_fields = ("minutes",)
    location = forms.CharField(required=False)
    minutes = forms.CharField(widget=forms.Textarea, required=False)


def test_text_that_looks_like_an_identifier_is_flagged_naming_what_was_found() -> None:
    form = NoteForm(data={"title": "Visit", "note": NHS})
    assert not form.is_valid()
    assert form.errors["note"] == [
        "This looks like it contains an NHS number (“943 476 5919”). Remove it, or say below "
        "why it must stay."
    ]
    assert list(form.identifier_findings) == ["note"]
    assert form.identifier_prompts == {"note": ""}
    assert form.kept == {}


def test_every_free_text_field_is_checked_by_default() -> None:
    form = NoteForm(data={"title": "Born 12/03/2015", "note": "Call 07700 900123"})
    assert not form.is_valid()
    assert "a date of birth (“12/03/2015”)" in form.errors["title"][0]
    assert "a phone number" in form.errors["note"][0]


def test_a_form_may_name_the_fields_it_checks() -> None:
    form = MinutesForm(data={"location": "Town Hall, NF1 2AB", "minutes": "Agreed the plan."})
    assert form.is_valid(), form.errors
    form = MinutesForm(data={"location": "", "minutes": "Child's postcode NF1 2AB."})
    assert not form.is_valid() and "a postcode" in form.errors["minutes"][0]


def test_a_reason_keeps_the_text_and_is_handed_on() -> None:
    form = NoteForm(
        data={
            "title": "Visit",
            "note": NHS,
            "keep_note": "  The clinic's reference, not the child's.  ",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["note"] == NHS
    assert form.kept == {"note": ("nhs_number", "The clinic's reference, not the child's.")}
    assert form.identifier_prompts == {"note": "The clinic's reference, not the child's."}


def test_a_blank_reason_is_no_reason() -> None:
    form = NoteForm(data={"title": "Visit", "note": NHS, "keep_note": "   "})
    assert not form.is_valid()
    assert "note" in form.errors and form.kept == {}


def test_ordinary_text_passes_and_a_prefixed_form_reads_its_own_reason() -> None:
    assert NoteForm(data={"title": "Visit", "note": "Two of four sessions held."}).is_valid()
    form = NoteForm(
        prefix="n",
        data={"n-title": "Visit", "n-note": NHS, "keep_n-note": "The clinic's reference."},
    )
    assert form.is_valid(), form.errors
    assert form.keep_name("note") == "keep_n-note"


def test_the_page_shows_the_box_for_the_reason_under_a_flagged_field() -> None:
    form = NoteForm(data={"title": "Visit", "note": NHS})
    form.is_valid()
    html = str(form["note"].as_field_group()) + str(form["title"].as_field_group())
    assert html.count('name="keep_note"') == 1
    assert '<label class="govuk-label" for="keep_note">If this must stay, say why' in html
    assert "keep_title" not in html
