"""The rules of a stale save (core.concurrency), without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django import forms

from assurance.core.concurrency import (
    display,
    fingerprint,
    normalise,
    read_token,
    reconcile,
    revision_token,
    shown_state,
)

# opened, stored now (theirs), submitted (yours) → conflicts, fields you changed
RECONCILE = [
    ("nobody changed anything", {"a": "1"}, {"a": "1"}, {"a": "1"}, [], []),
    ("only you changed it", {"a": "1"}, {"a": "1"}, {"a": "2"}, [], ["a"]),
    ("they changed it, you did not", {"a": "1"}, {"a": "2"}, {"a": "1"}, ["a"], []),
    ("you both changed it differently", {"a": "1"}, {"a": "2"}, {"a": "3"}, ["a"], ["a"]),
    ("you both made the same change", {"a": "1"}, {"a": "2"}, {"a": "2"}, [], ["a"]),
    (
        "they changed one field, you another",
        {"a": "1", "b": "1"},
        {"a": "2", "b": "1"},
        {"a": "1", "b": "2"},
        ["a"],
        ["b"],
    ),
    ("a field the opened page did not have", {}, {"a": "2"}, {"a": "3"}, [], []),
    ("a field not submitted (disabled)", {"a": "1"}, {"a": "2"}, {}, [], []),
]


@pytest.mark.parametrize(
    ("opened", "theirs", "yours", "conflicts", "changed"),
    [row[1:] for row in RECONCILE],
    ids=[row[0] for row in RECONCILE],
)
def test_reconcile(opened, theirs, yours, conflicts, changed) -> None:
    outcome = reconcile(opened=opened, theirs=theirs, yours=yours)
    assert (outcome.conflicts, outcome.yours) == (conflicts, changed)
    assert outcome.is_stale is bool(conflicts)


@pytest.mark.parametrize(
    ("shown", "saved"),
    [
        (None, ""),
        (Decimal("5.00"), Decimal("5")),
        (Decimal("500"), Decimal("500.0")),
        (3, "3"),
        ([2, 1], ("1", "2")),
        (date(2026, 7, 1), date(2026, 7, 1)),
    ],
)
def test_what_a_form_shows_and_what_it_saves_compare_equal(shown, saved) -> None:
    assert normalise(shown) == normalise(saved)
    assert fingerprint(shown) == fingerprint(saved)


def test_different_values_have_different_fingerprints() -> None:
    assert fingerprint("Police") != fingerprint("police")
    assert fingerprint(True) != fingerprint("True ")
    assert fingerprint(Decimal("500")) != fingerprint(Decimal("5E+2") + 1)


class _Form(forms.Form):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("la", "Local authority"), ("police", "Police")])
    active = forms.BooleanField(required=False)
    on = forms.DateField(required=False)


def test_display_reads_as_a_person_would() -> None:
    form = _Form()
    assert display(form.fields["kind"], "police") == "Police"
    assert display(form.fields["active"], False) == "No"
    assert display(form.fields["on"], date(2026, 7, 1)) == "1 July 2026"
    assert display(form.fields["name"], "") == "(blank)"
    assert display(form.fields["name"], []) == "(blank)"


def test_the_token_carries_digests_not_values_and_cannot_be_forged() -> None:
    form = _Form(initial={"name": "Secret name", "kind": "la"})
    token = revision_token(form)
    assert "Secret" not in token
    assert read_token(token) == shown_state(form)
    assert read_token(token[:-2] + "xx") is None
    assert read_token("") is None
