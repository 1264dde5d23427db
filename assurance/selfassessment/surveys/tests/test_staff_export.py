"""What staff say beyond the page: the round's Excel export and the API give each organisation's
staff answers per standard beside its self-rating, with the flags, only where at least five
answered. The police had 6 answers (shown); the council 3 (no result, "2 more responses
needed", and no answer of the three can be read). Amira (business unit) and Corinne
(scrutineer) read them; Priya (a police auditor) is refused; Tamsin (Southvale) finds nothing;
nobody signed out reads them."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys import selectors, services
from assurance.selfassessment.surveys.models import StaffSurvey
from assurance.selfassessment.surveys.tests.factories import (
    StaffResponseFactory,
    answers,
    section_11_round,
)

pytestmark = pytest.mark.django_db

Clients = Callable[[Any], Client]


@pytest.fixture
def round(amira: Person) -> Round:
    return section_11_round(actor=actor_for_person(amira))


@pytest.fixture
def surveys(amira: Person, round: Round, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    made = services.surveys_start(actor=actor_for_person(amira), round=round)
    by_name = {s.participant.agency.name.split()[-1]: s for s in made}  # type: ignore[union-attr]
    police, council = by_name["Police"], by_name["Council"]
    for i in range(6):
        StaffResponseFactory(
            survey=police,
            answers=answers("agree", **{"3.1": "disagree" if i < 5 else "dont_know"}),
        )
    for _ in range(3):
        StaffResponseFactory(survey=council, answers=answers("disagree"))
    ratings = {police.participant_id: {"3.1": "Fully met"}}
    monkeypatch.setattr(selectors, "self_ratings", lambda *, round, participant_id=None: ratings)
    return {"police": police, "council": council}


def _url(round: Round) -> str:
    return f"/api/v1/self-assessments/rounds/{round.pk}/staff-survey"


def test_the_api_gives_results_only_from_five_answers(
    round: Round, surveys: dict[str, StaffSurvey], amira: Person, client_for: Clients
) -> None:
    body = client_for(amira).get(_url(round)).json()
    assert body["minimum_group"] == 5 and body["year"] == round.year
    found = {o["name"]: o for o in body["organisations"]}
    police = found[surveys["police"].participant.name]
    assert (police["kind"], police["responses"], police["results_shown"]) == ("agency", 6, True)
    assert police["more_needed"] == 0
    by_code = {s["code"]: s for s in police["standards"]}
    three = by_code["3.1"]
    assert three["self_rating"] == "Fully met" and three["flag"] == "Staff less positive"
    assert three["answers"] == [
        {"answer": "Agree", "count": 0},
        {"answer": "Partly agree", "count": 0},
        {"answer": "Disagree", "count": 5},
        {"answer": "I don't know", "count": 1},
    ]
    assert (three["answered"], three["with_a_view"]) == (6, 5)
    assert by_code["1.1"]["self_rating"] == "" and by_code["1.1"]["flag"] == ""
    council = found[surveys["council"].participant.name]
    assert (council["responses"], council["results_shown"], council["more_needed"]) == (
        3,
        False,
        2,
    )
    assert council["standards"] == []  # nothing of three answers can be read


def test_who_reads_the_api(
    round: Round,
    surveys: dict[str, StaffSurvey],
    corinne: Person,
    priya: Person,
    tamsin: Person,
    amira: Person,
    client_for: Clients,
) -> None:
    assert client_for(corinne).get(_url(round)).status_code == 200
    assert client_for(priya).get(_url(round)).status_code == 403
    assert client_for(tamsin).get(_url(round)).status_code == 404
    assert Client().get(_url(round)).status_code in {401, 403}
    missing = "/api/v1/self-assessments/rounds/999999/staff-survey"
    assert client_for(amira).get(missing).status_code == 404


def test_the_api_reads_in_constant_queries(
    round: Round, surveys: dict[str, StaffSurvey], amira: Person, client_for: Clients
) -> None:
    client = client_for(amira)
    client.get(_url(round))
    with CaptureQueriesContext(connection) as few:
        assert client.get(_url(round)).status_code == 200
    for survey in StaffSurvey.unscoped.filter(participant__round=round):
        for _ in range(5):
            StaffResponseFactory(survey=survey, answers=answers("partly"))
    with CaptureQueriesContext(connection) as many:
        body = client.get(_url(round)).json()
    assert all(o["results_shown"] for o in body["organisations"])
    assert len(many) == len(few)


def test_the_schema_describes_the_staff_survey_endpoint(amira: Person, client_for: Clients) -> None:
    schema = client_for(amira).get("/api/v1/openapi.json").json()
    assert "/api/v1/self-assessments/rounds/{id}/staff-survey" in schema["paths"]
    fields = schema["components"]["schemas"]["StaffOrganisation"]["properties"]
    assert {"name", "kind", "responses", "results_shown", "more_needed", "standards"} <= set(fields)
    standard = schema["components"]["schemas"]["StaffStandard"]["properties"]
    assert {"code", "self_rating", "answers", "flag"} <= set(standard)


def test_the_rounds_export_has_what_staff_say(
    round: Round, surveys: dict[str, StaffSurvey], amira: Person, client_for: Clients
) -> None:
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/completion/export.xlsx"
    response = client_for(amira).get(url)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["What staff say"].iter_rows(values_only=True))
    assert rows[0][:5] == (
        "Name",
        "Staff who answered",
        "Standard",
        "Standard's text",
        "Self-rating in the submitted return",
    )
    police = surveys["police"].participant.name
    three = next(r for r in rows if r[0] == police and r[2] == "3.1")
    assert three[1] == 6 and three[4] == "Fully met"
    assert three[5:9] == (0, 0, 5, 1) and three[9] == "Staff less positive"
    council = [r for r in rows if r[0] == surveys["council"].participant.name]
    assert len(council) == 1
    assert council[0][3] == "No result: 2 more responses needed"
    assert all(cell in (None, "") for cell in council[0][5:])
    # filtered to the organisations listed: none of them when the filter matches nobody
    empty = client_for(amira).get(url + "?name=nobody-is-called-this")
    rows = list(load_workbook(io.BytesIO(empty.content))["What staff say"].iter_rows())
    assert len(rows) == 1
