"""What staff say, read by those who may: Amira (business unit) starts the survey from the
round's page and reads every organisation's results; Corinne (scrutineer) reads them; Helen
(the police's lead) sees her own agency's link and results but not the council's (404); Priya
(a police auditor) sees none. No organisation's results show below 5 responses: the page says
how many more are needed. With the self-ratings connected, a disagreement is flagged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.returns.tests.factories import section_post, sections_of
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.settings.tests.factories import SettingMemberFactory
from assurance.selfassessment.surveys import selectors, services
from assurance.selfassessment.surveys.models import StaffSurvey
from assurance.selfassessment.surveys.tests.factories import (
    StaffResponseFactory,
    StaffSurveyFactory,
    answers,
    section_11_round,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(amira: Person) -> Round:
    return section_11_round(actor=actor_for_person(amira))


@pytest.fixture
def surveys(amira: Person, round: Round) -> dict[str, StaffSurvey]:
    made = services.surveys_start(actor=actor_for_person(amira), round=round)
    return {s.participant.agency.name.split()[-1]: s for s in made}  # type: ignore[union-attr]


def respond(survey: StaffSurvey, n: int, **by_code: str) -> None:
    for _ in range(n):
        StaffResponseFactory(survey=survey, answers=answers("agree", **by_code))


def page(client: Client, tenant: Tenant, path: str) -> Any:
    return client.get(tenant.url(path))


def test_the_business_unit_starts_the_survey_from_the_rounds_page(
    northfield: Tenant, amira: Person, round: Round, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    detail = page(client, northfield, f"self-assessment/rounds/{round.pk}/").content.decode()
    assert f"/self-assessment/rounds/{round.pk}/staff-survey/" in detail
    before = page(client, northfield, f"self-assessment/rounds/{round.pk}/staff-survey/")
    assert "Start the practitioners' survey" in before.content.decode()
    start = f"self-assessment/rounds/{round.pk}/staff-survey/start/"
    assert page(client, northfield, start).status_code == 200
    response = client.post(northfield.url(start), {})
    assert response.status_code == 302
    assert StaffSurvey.objects_for(northfield.partnership).count() == 4
    after = client.get(response["Location"]).content.decode()
    assert "4 organisations have a survey link" in after
    assert "5 more responses needed" in after
    close = f"self-assessment/rounds/{round.pk}/staff-survey/close/"
    assert client.post(northfield.url(close), {}).status_code == 302
    assert not StaffSurvey.objects_for(northfield.partnership).filter(closed_at=None).exists()


def test_no_result_is_shown_below_five_responses(
    northfield: Tenant, amira: Person, surveys: dict[str, StaffSurvey], client_for: Any
) -> None:
    police = surveys["Police"]
    respond(police, 3, **{"3.1": "disagree"})
    html = page(client_for(amira), northfield, f"self-assessment/staff-surveys/{police.pk}/")
    text = html.content.decode()
    assert "2 more responses needed" in text
    assert 'id="results"' not in text and "Disagree" not in text
    results = selectors.survey_results(actor=actor_for_person(amira), survey=police)
    assert (results.shown, results.rows, results.comments) == (False, [], [])


def test_at_five_the_staffs_answers_show_per_standard(
    northfield: Tenant, amira: Person, surveys: dict[str, StaffSurvey], client_for: Any
) -> None:
    police = surveys["Police"]
    respond(police, 3, **{"3.1": "disagree"})
    respond(police, 2, **{"3.1": "dont_know"})
    StaffResponseFactory(survey=surveys["Council"], comment="Not ours")
    text = page(
        client_for(amira), northfield, f"self-assessment/staff-surveys/{police.pk}/"
    ).content.decode()
    assert "more responses needed" not in text
    assert 'id="results"' in text
    assert "In my organisation, I know how to blow the whistle" in text
    results = selectors.survey_results(actor=actor_for_person(amira), survey=police)
    row = next(r for r in results.rows if r.standard.code == "3.1")
    assert row.cells == [
        ("Agree", 0, 0),
        ("Partly agree", 0, 0),
        ("Disagree", 3, 60),
        ("I don't know", 2, 40),
    ]
    assert results.comments == []  # the council's comment is the council's
    assert "Not yet" in text  # the self-rating column: the police have submitted no return
    assert results.flags == 0


def test_self_ratings_beside_the_staff_flag_disagreement(
    northfield: Tenant,
    amira: Person,
    surveys: dict[str, StaffSurvey],
    client_for: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    police = surveys["Police"]
    respond(police, 6, **{"3.1": "disagree", "4.2": "partly"})
    ratings = {police.participant_id: {"3.1": "Fully met", "4.2": "Fully met", "1.1": "Not met"}}
    monkeypatch.setattr(selectors, "self_ratings", lambda *, round, participant_id=None: ratings)
    results = selectors.survey_results(actor=actor_for_person(amira), survey=police)
    flags = {r.standard.code: r.flag for r in results.rows if r.flag}
    assert flags == {
        "3.1": "Staff less positive",
        "4.2": "Staff less positive",
        "1.1": "Staff more positive",
    }
    text = page(
        client_for(amira), northfield, f"self-assessment/staff-surveys/{police.pk}/"
    ).content.decode()
    assert "3 standards where staff disagree with the self-rating" in text
    assert "Staff less positive" in text


def test_an_agency_lead_sees_her_own_agencys_survey_only(
    northfield: Tenant, helen: Person, surveys: dict[str, StaffSurvey], client_for: Any
) -> None:
    client = client_for(helen)
    police, council = surveys["Police"], surveys["Council"]
    listing = page(client, northfield, "self-assessment/staff-surveys/").content.decode()
    assert "Northfield Police" in listing and "Northfield Council" not in listing
    own = page(client, northfield, f"self-assessment/staff-surveys/{police.pk}/")
    assert own.status_code == 200
    assert police.token in own.content.decode()  # the link to copy
    assert (
        page(client, northfield, f"self-assessment/staff-surveys/{police.pk}/qr.png")[
            "Content-Type"
        ]
        == "image/png"
    )
    assert (
        page(client, northfield, f"self-assessment/staff-surveys/{council.pk}/").status_code == 404
    )
    assert (
        page(client, northfield, f"self-assessment/staff-surveys/{council.pk}/qr.png").status_code
        == 404
    )


def test_the_scrutineer_reads_and_an_auditor_may_not(
    northfield: Tenant,
    corinne: Person,
    priya: Person,
    surveys: dict[str, StaffSurvey],
    client_for: Any,
) -> None:
    police = surveys["Police"]
    url = f"self-assessment/staff-surveys/{police.pk}/"
    assert page(client_for(corinne), northfield, url).status_code == 200
    assert page(client_for(priya), northfield, url).status_code == 403
    assert page(client_for(priya), northfield, "self-assessment/staff-surveys/").status_code == 403


def test_a_schools_safeguarding_lead_sees_her_schools_survey_only(
    northfield: Tenant, client_for: Any
) -> None:
    own = StaffSurveyFactory(participant__round__partnership=northfield.partnership)
    other = StaffSurveyFactory(participant__round=own.participant.round)
    lead = SettingMemberFactory(setting=own.participant.setting).person
    client = client_for(lead)
    assert page(client, northfield, f"self-assessment/staff-surveys/{own.pk}/").status_code == 200
    assert page(client, northfield, f"self-assessment/staff-surveys/{other.pk}/").status_code == 404
    listing = page(client, northfield, "self-assessment/staff-surveys/").content.decode()
    assert own.participant.name in listing and other.participant.name not in listing


def test_another_partnership_cannot_see_them(
    tamsin: Person, northfield: Tenant, surveys: dict[str, StaffSurvey], client_for: Any
) -> None:
    police = surveys["Police"]
    client = client_for(tamsin)
    assert client.get(f"/p/southvale/self-assessment/staff-surveys/{police.pk}/").status_code == 404
    assert (
        client.get(northfield.url(f"self-assessment/staff-surveys/{police.pk}/")).status_code == 404
    )


def test_the_rounds_surveys_page_reads_in_constant_queries(
    northfield: Tenant,
    amira: Person,
    surveys: dict[str, StaffSurvey],
    client_for: Any,
) -> None:
    client = client_for(amira)
    url = northfield.url(
        f"self-assessment/rounds/{surveys['Police'].participant.round_id}/staff-survey/"
    )
    client.get(url)
    with CaptureQueriesContext(connection) as four:
        assert client.get(url).status_code == 200
    for _ in range(3):
        StaffSurveyFactory(participant__round=surveys["Police"].participant.round)
    with CaptureQueriesContext(connection) as seven:
        assert client.get(url).status_code == 200
    assert len(seven.captured_queries) == len(four.captured_queries)


def test_the_self_ratings_are_the_submitted_returns_ratings(
    round: Round, helen: Person, surveys: dict[str, StaffSurvey], client_for: Any
) -> None:
    """The police's Section 11 return, filled in and signed off by Helen, its lead, gives the
    self-rating beside the police staff's answers; a draft rates nothing."""
    police = surveys["Police"]
    helen_client = client_for(helen)
    base = f"/p/northfield/self-assessment/returns/{police.participant_id}/"
    for number, section in enumerate(sections_of(round.framework), start=1):
        found = SelfAssessmentReturn.unscoped.filter(participant_id=police.participant_id).first()
        revision = found.assessment.revision if found else 0
        response = helen_client.post(
            f"{base}sections/{number}/",
            section_post(section, rating="Partly met", revision=revision),
        )
        assert response.status_code == 302
    assert selectors.self_ratings(round=round) == {}  # a draft is not the organisation's word
    sa_return = SelfAssessmentReturn.unscoped.get(participant_id=police.participant_id)
    signed = helen_client.post(
        f"{base}check/", {"revision": sa_return.assessment.revision, "confirm": "on"}
    )
    assert signed.status_code == 302
    ratings = selectors.self_ratings(round=round)
    assert set(ratings) == {police.participant_id}
    assert ratings[police.participant_id]["3.1"] == "Partly met"
    assert len(ratings[police.participant_id]) == sum(
        s.items.count() for s in sections_of(round.framework)
    )
    assert selectors.self_ratings(round=round, participant_id=police.participant_id + 10**6) == {}
