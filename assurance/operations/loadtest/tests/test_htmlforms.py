"""A page's form as a browser would submit it."""

from __future__ import annotations

import pytest

from assurance.operations.loadtest.htmlforms import main_form, post_forms

PAGE = """
<form method="get" action="/search/"><input name="q"></form>
<form method="post" action="/accounts/sign-out/">
  <input type="hidden" name="csrfmiddlewaretoken" value="abc"></form>
<form method="post" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="abc">
  <input type="hidden" name="form_revision" value="r1">
  <input type="radio" name="item_5" value="4">
  <input type="radio" name="item_5" value="5" checked>
  <input type="radio" name="item_6" value="4">
  <textarea name="evidence_5">
Seen &amp; checked</textarea>
  <input type="text" name="CSC-REF-numerator" value="412">
  <input type="checkbox" name="CSC-REF-confirmed" value="on">
  <input type="checkbox" name="ticked" value="yes" checked>
  <select name="month"><option value="1">Jan</option><option value="2" selected>Feb</option>
  </select>
  <input type="file" name="upload">
  <button type="submit" name="later" value="later">Save and come back later</button>
</form>
"""


def test_the_main_form_is_the_post_form_with_the_most_fields() -> None:
    assert len(post_forms(PAGE)) == 2
    form = main_form(PAGE)
    assert form.fields == {
        "csrfmiddlewaretoken": "abc",
        "form_revision": "r1",
        "item_5": "5",
        "evidence_5": "Seen & checked",  # the opening newline dropped, as a browser does
        "CSC-REF-numerator": "412",
        "ticked": "yes",
        "month": "2",
    }
    assert form.radios == {"item_5": ["4", "5"], "item_6": ["4"]}
    assert form.textareas == ["evidence_5"]
    assert form.text_inputs == ["CSC-REF-numerator"]
    assert form.checkboxes == {"CSC-REF-confirmed": "on", "ticked": "yes"}
    assert form.buttons == {"later": "later"}


def test_a_select_with_nothing_selected_sends_its_first_option() -> None:
    page = '<form method="post"><select name="s"><option value="a">A<option value="b"></select>'
    assert main_form(page).fields == {"s": "a"}


def test_a_page_without_a_post_form_is_refused() -> None:
    with pytest.raises(ValueError, match="no form"):
        main_form('<form method="get"><input name="q"></form>')
