"""Figures by locality through the workbook's Localities sheet and the values API: the same
rule that they add up to the total, all or nothing, problems naming the sheet, row and column
or the locality and the difference (the pages' tests are in test_localities.py, whose fixtures
these share)."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from assurance.dataset.collection.models import IndicatorValue, LocalityValue
from assurance.dataset.tests import test_localities as pages
from assurance.dataset.tests.test_localities import CODE, _fields, _round

pytestmark = pytest.mark.django_db

localities = pages.localities  # the fixture: Northfield's localities, POL-MISSING by locality


def _workbook(content: bytes, values: dict, localities: dict) -> io.BytesIO:
    """The downloaded workbook with cells filled in: ``values`` by (code, column) on the Values
    sheet, ``localities`` by (locality, column) on the Localities sheet (or a new row for a
    locality not listed)."""
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["Values"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for (code, column), value in values.items():
        sheet[f"{column}{rows[code]}"] = value
    sheet = workbook["Localities"]
    rows = {sheet.cell(row=r, column=3).value: r for r in range(2, sheet.max_row + 1)}
    for (name, column), value in localities.items():
        if name not in rows:
            rows[name] = sheet.max_row + 1
            sheet[f"A{rows[name]}"], sheet[f"C{rows[name]}"] = CODE, name
        sheet[f"{column}{rows[name]}"] = value
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "police.xlsx"
    return out


def test_the_workbook_carries_the_figures_by_locality_all_or_nothing(
    northfield, localities, helen, client_for
):
    round = _round(northfield)
    client = client_for(helen)
    base = northfield.url(f"data-set/collection/{round.pk}/")
    download = client.get(base + "workbook.xlsx").content
    book = load_workbook(io.BytesIO(download))
    sheet = book["Localities"]
    assert [c.value for c in sheet[1]] == [
        "Code (do not change)",
        "Indicator",
        "Locality (do not change)",
        "Numerator (or the figure)",
        "Denominator",
    ]
    assert [(r[0].value, r[2].value) for r in sheet.iter_rows(min_row=2)] == [
        (CODE, "North"),
        (CODE, "South"),
    ]
    assert any("Localities sheet" in str(c.value) for c in book["Instructions"]["A"])
    totals = {(CODE, "E"): 84}
    # they do not add up: refused whole, the sheet, row and column, the localities, the gap
    bad = _workbook(download, totals, {("North", "D"): 40, ("South", "D"): 40})
    html = client.post(base + "upload/", {"file": bad}).content.decode()
    assert "Sheet Localities, row 2, column D (Numerator (or the figure))" in html or (
        "Sheet Localities, row 2, column D" in html
    )
    assert "add up to 80, 4 fewer than the total of 84 (North 40, South 40)" in html
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    # a locality left blank, a figure that is not a number, a locality that is not in use
    bad = _workbook(download, totals, {("North", "D"): "lots", ("Westside", "D"): 4})
    html = client.post(base + "upload/", {"file": bad}).content.decode()
    assert "Sheet Localities, row 4, column C" in html
    assert "Westside is not a locality in use (the localities are North, South)" in html
    bad = _workbook(download, totals, {("North", "D"): "lots"})
    html = client.post(base + "upload/", {"file": bad}).content.decode()
    assert "Sheet Localities, row 2, column D" in html and "for North must be" in html
    blank = _workbook(download, totals, {("North", "D"): 84})
    html = client.post(base + "upload/", {"file": blank}).content.decode()
    assert "Sheet Localities, row 3, column D" in html and "enter the figure for South" in html
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    assert not LocalityValue.objects_for(northfield.partnership).exists()
    # right: the total and its localities are saved together
    good = _workbook(download, totals, {("North", "D"): 50, ("South", "D"): 34})
    assert client.post(base + "upload/", {"file": good}).status_code == 302
    value = IndicatorValue.objects_for(northfield.partnership).get(indicator__code=CODE)
    parts = {p.locality.name: p.numerator for p in value.parts.select_related("locality")}
    assert (value.numerator, value.entered_via, parts) == (
        84,
        "workbook",
        {"North": 50, "South": 34},
    )
    # the next download carries them; a change of the localities only is saved too
    again = client.get(base + "workbook.xlsx").content
    assert [
        r[3].value for r in load_workbook(io.BytesIO(again))["Localities"].iter_rows(min_row=2)
    ] == [50, 34]
    moved = _workbook(again, {}, {("North", "D"): 44, ("South", "D"): 40})
    assert client.post(base + "upload/", {"file": moved}).status_code == 302
    parts = {p.locality.name: p.numerator for p in value.parts.select_related("locality")}
    assert parts == {"North": 44, "South": 40}
    # a workbook without the Localities sheet gives the total only: it may not break them
    book = load_workbook(io.BytesIO(client.get(base + "workbook.xlsx").content))
    del book["Localities"]
    sheet = book["Values"]
    sheet["E2"] = 90
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "police.xlsx"
    html = client.post(base + "upload/", {"file": out}).content.decode()
    assert "Sheet Values, row 2, column E" in html and "6 fewer than the total of 90" in html


def test_the_api_reads_and_writes_the_figures_by_locality_with_the_same_rule(
    northfield, localities, helen, client_for
):
    from django.test import Client
    from rest_framework.authtoken.models import Token

    round = _round(northfield)
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{round.pk}/values"

    def send(total, figures):
        item = {"indicator": CODE, "numerator": total}
        if figures is not None:
            item["localities"] = [{"locality": n, "numerator": f} for n, f in figures]
        return api.post(url, {"values": [item]}, content_type="application/json")

    # they do not add up: refused, naming the localities and the difference
    refused = send("84", [("North", "40"), ("South", "40")])
    assert refused.status_code == 400
    (problem,) = refused.json()["problems"]
    assert problem["indicator"] == CODE and problem["field"] == "localities.North.numerator"
    assert "add up to 80, 4 fewer than the total of 84 (North 40, South 40)" in problem["message"]
    # a locality missing, one not in use, one given twice
    (problem,) = send("84", [("North", "84")]).json()["problems"]
    assert problem["field"] == "localities.South.numerator"
    assert "enter the figure for South" in problem["message"]
    (problem,) = send("84", [("North", "50"), ("Westside", "34")]).json()["problems"]
    assert (
        "Westside is not a locality in use (the localities are North, South)"
        in (problem["message"])
    )
    twice = send("84", [("North", "50"), ("north", "34")])
    assert twice.status_code == 400 and "north is given twice" in twice.content.decode()
    # an indicator not collected by locality takes no localities
    other = api.post(
        url,
        {
            "values": [
                {"indicator": "POL-DA-CHILD", "numerator": "5", "localities": []},
                {
                    "indicator": "POL-DA-CHILD",
                    "numerator": "5",
                    "localities": [{"locality": "North", "numerator": "5"}],
                },
            ]
        },
        content_type="application/json",
    )
    assert "not collected by locality" in other.content.decode()
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    assert not LocalityValue.objects_for(northfield.partnership).exists()
    # right: saved together, and read back by locality
    saved = send("84", [("North", "50"), ("South", "34")])
    assert saved.status_code == 200, saved.content
    (value,) = saved.json()["values"]
    assert value["localities"] == [
        {"locality": "North", "numerator": "50.0000", "denominator": None, "value": "50.0000"},
        {"locality": "South", "numerator": "34.0000", "denominator": None, "value": "34.0000"},
    ]
    assert api.get(url).json()["values"][0]["localities"][1]["locality"] == "South"
    # the localities alone may change; the total alone may not break them
    assert send("84", [("North", "44"), ("South", "40")]).status_code == 200
    (problem,) = send("90", None).json()["problems"]
    assert "6 fewer than the total of 90" in problem["message"]
    parts = {
        p.locality.name: p.numerator for p in LocalityValue.objects_for(northfield.partnership)
    }
    assert parts == {"North": 44, "South": 40}
    # described in the OpenAPI document
    schema = api.get("/api/v1/openapi.json").json()
    body = schema["components"]["schemas"]["ValueIn"]["properties"]
    assert "localities" in body and "add up" in body["localities"]["description"]
    assert "localities" in schema["components"]["schemas"]["ValueOut"]["properties"]


def test_the_api_reads_the_same_queries_for_more_figures_by_locality(
    northfield, localities, helen, amira, client_for
):
    from django.test import Client
    from rest_framework.authtoken.models import Token

    round = _round(northfield)
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=amira.user).key}")
    url = f"/api/v1/collection/rounds/{round.pk}/values"
    client = client_for(helen)
    values = northfield.url(f"data-set/collection/{round.pk}/values/")
    client.post(values, {"POL-DA-CHILD-numerator": "233"})
    api.get(url)
    with CaptureQueriesContext(connection) as before:
        api.get(url)
    client.post(values, {**_fields(localities, "50", "34", "84"), "POL-DA-CHILD-numerator": "233"})
    with CaptureQueriesContext(connection) as after:
        response = api.get(url)
    assert len(response.json()["values"]) == 2
    assert len(before) == len(after)


published_by_locality = pages.published_by_locality  # two published quarters, North ahead


def test_the_series_api_carries_each_period_by_locality(
    published_by_locality, helen, dev, client_for
):
    northfield = published_by_locality
    # an earlier quarter still open: neither its total nor its localities are published
    round = _round(northfield, pages.date(2026, 1, 1))
    response = client_for(helen).post(
        northfield.url(f"data-set/collection/{round.pk}/values/"),
        _fields(pages.Locality.objects_for(northfield.partnership).order_by("order"), 50, 34, 84),
    )
    assert response.status_code == 302
    client = client_for(dev)
    own = client.get(f"/api/v1/partnerships/northfield/indicators/{CODE}/series").json()
    area = client.get(f"/api/v1/indicators/{CODE}/series?area=northfield").json()
    for series in (own, area):
        assert [p["time_period"] for p in series["points"]] == ["Q1 2026/27", "Q2 2026/27"]
        q1, q2 = series["points"]
        assert q1["value"] == "84.0000"
        assert q1["localities"] == [
            {"locality": "North", "numerator": "50.0000", "denominator": None, "value": "50.0000"},
            {"locality": "South", "numerator": "34.0000", "denominator": None, "value": "34.0000"},
        ]
        assert [(f["locality"], f["value"]) for f in q2["localities"]] == [
            ("North", "52.0000"),
            ("South", "40.0000"),
        ]
    # an indicator not collected by locality, and national statistics, have none
    other = client.get("/api/v1/partnerships/northfield/indicators/POL-DA-CHILD/series").json()
    assert all(p["localities"] == [] for p in other["points"])
    england = client.get(f"/api/v1/indicators/{CODE}/series?area=E92000001").json()
    assert all("localities" not in p for p in england["points"])
    # described in the OpenAPI document, for both ways of reading a partnership's series
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("PartnershipPoint", "SeriesPoint"):
        assert "by locality" in schema[name]["properties"]["localities"]["description"]


def test_the_series_api_reads_the_same_queries_for_more_periods_by_locality(
    published_by_locality, helen, amira, dev, client_for
):
    northfield = published_by_locality
    client = client_for(dev)
    urls = [
        f"/api/v1/partnerships/northfield/indicators/{CODE}/series",
        f"/api/v1/indicators/{CODE}/series?area=northfield",
    ]
    counts = []
    for start in (pages.date(2026, 1, 1), pages.date(2025, 10, 1)):
        round = _round(northfield, start)
        response = client_for(helen).post(
            northfield.url(f"data-set/collection/{round.pk}/values/"),
            _fields(
                pages.Locality.objects_for(northfield.partnership).order_by("order"), 50, 41, 91
            ),
        )
        assert response.status_code == 302
        pages.services.round_publish(actor=pages.actor_for_person(amira), round=round)
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert len(client.get(url).json()["points"]) == (3 if start.month == 1 else 4)
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
