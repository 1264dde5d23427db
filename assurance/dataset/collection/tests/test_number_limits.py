"""Numbers the database cannot hold are refused by every way in, and nothing is stored.

A value of 13 or more whole digits ("1e309" is stored as infinity by SQLite, and every later
read of the round failed) or written in another script's digits is refused by the one set of
collection rules, so the web form, the workbook and the API all refuse it the same way.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.authtoken.models import Token

from assurance.dataset.collection import rules
from assurance.dataset.collection.models import IndicatorValue, Revision
from assurance.dataset.collection.tests.factories import CollectionRoundFactory

pytestmark = pytest.mark.django_db

HUGE = ["1e309", "9999999999999999", "1E+15", "١٢٣", "１２", "1_000"]


@pytest.fixture
def open_round(northfield, catalogue):
    return CollectionRoundFactory(
        partnership=northfield.partnership, due_on=timezone.localdate() + timedelta(days=10)
    )


def test_the_rules_know_what_the_model_fields_hold() -> None:
    for model, names in (
        (IndicatorValue, ["numerator", "denominator", "value"]),
        (Revision, [f"{age}_{part}" for age in ("old", "new") for part in ("numerator", "value")]),
    ):
        for name in names:
            field = model._meta.get_field(name)
            assert (field.max_digits, field.decimal_places) == (  # type: ignore[attr-defined]
                rules.MAX_DIGITS,
                rules.DECIMAL_PLACES,
            ), f"{model.__name__}.{name}"


@pytest.mark.parametrize("raw", HUGE)
def test_the_web_form_refuses_it_and_stores_nothing(open_round, helen, client_for, raw) -> None:
    client = client_for(helen)
    url = f"/p/northfield/data-set/collection/{open_round.pk}/values/"
    response = client.post(
        url,
        {
            "POL-MISSING-numerator": raw,
            "POL-RHI72-numerator": "61",
            "POL-RHI72-denominator": "84",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "POL-MISSING (Missing" in html
    assert "the value must be" in html
    assert not IndicatorValue.objects_for(helen.partnership).exists()
    assert client.get(url).status_code == 200


def test_the_workbook_refuses_it_and_stores_nothing(open_round, helen, client_for) -> None:
    client = client_for(helen)
    base = f"/p/northfield/data-set/collection/{open_round.pk}/"
    workbook = load_workbook(io.BytesIO(client.get(base + "workbook.xlsx").content))
    sheet = workbook["Values"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    sheet[f"E{rows['POL-MISSING']}"] = "1e309"
    sheet[f"E{rows['POL-RHI72']}"] = 10**15
    sheet[f"F{rows['POL-RHI72']}"] = 10**16
    sheet[f"E{rows['POL-DA-CHILD']}"] = 233
    out = io.BytesIO()
    workbook.save(out)
    upload = io.BytesIO(out.getvalue())
    upload.name = "police.xlsx"
    response = client.post(base + "upload/", {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "row 2, column E: POL-MISSING" in html
    assert "the value must be less than 1,000,000,000,000" in html
    assert "row 3, column E: POL-RHI72" in html and "the numerator must be less than" in html
    assert "row 3, column F: POL-RHI72" in html and "the denominator must be less than" in html
    assert not IndicatorValue.objects_for(helen.partnership).exists()


@pytest.mark.parametrize("raw", [*HUGE, 1e15])
def test_the_api_refuses_it_and_stores_nothing(open_round, helen, raw) -> None:
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{open_round.pk}/values"
    response = api.post(
        url,
        {"values": [{"indicator": "POL-MISSING", "numerator": raw}]},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "Nothing has been saved."
    [problem] = body["problems"]
    assert problem["indicator"] == "POL-MISSING" and problem["field"] == "numerator"
    assert problem["message"].startswith("POL-MISSING (Missing")
    assert "the value must be" in problem["message"]
    assert not IndicatorValue.objects_for(helen.partnership).exists()
    assert api.get(url).status_code == 200


def test_a_json_number_too_big_for_a_float_is_refused(open_round, helen) -> None:
    """1e309 sent as a JSON number (not a string) becomes infinity when parsed."""
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{open_round.pk}/values"
    response = api.post(
        url,
        b'{"values": [{"indicator": "POL-MISSING", "numerator": 1e309}]}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not IndicatorValue.objects_for(helen.partnership).exists()
