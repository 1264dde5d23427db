"""A partnership configures its own data set: the phases it has adopted and from when, and the
agencies that report each indicator (a default proposed from the sector, which the business
unit confirms or changes). Collection rounds ask each agency exactly what it owes."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assurance.core.registry import todos_for
from assurance.dataset.catalogue.models import Indicator, IndicatorAssignment, PhaseAdoption
from assurance.dataset.catalogue.selectors import assignment_history, phase_adoptions
from assurance.dataset.catalogue.services import assignment_confirm, phase_adoptions_set
from assurance.dataset.collection.models import CollectionRound
from assurance.dataset.collection.rules import period_containing
from assurance.dataset.collection.selectors import agency_rows, round_progress
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import AgencyKind, Sector
from assurance.partnerships.tests.factories import AgencyFactory

Q1, Q2, Q3 = date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1)


@pytest.fixture
def agencies(northfield, catalogue):
    """Northfield's schools, college, fire service and scrutiny body, beside its partners."""
    p = northfield.partnership
    return {
        "schools": AgencyFactory(partnership=p, name="Schools", sector=Sector.EDUCATION),
        "college": AgencyFactory(partnership=p, name="College", sector=Sector.EDUCATION),
        "fire": AgencyFactory(partnership=p, name="Fire", sector=Sector.OTHER),
        "scrutiny": AgencyFactory(
            partnership=p, name="Scrutiny", sector=Sector.OTHER, kind=AgencyKind.SCRUTINY
        ),
    }


def _round(tenant, start):
    period = period_containing("quarterly", start)
    rounds = CollectionRound.objects_for(tenant.partnership).filter(period_start=period.start)
    return rounds.first() or CollectionRoundFactory(partnership=tenant.partnership, start=start)


def _owed(tenant, agency, start):
    round = _round(tenant, start)
    return {row.indicator.code for row in agency_rows(round=round, agency=agency)}


def test_the_business_unit_adopts_phases_and_rounds_ask_only_for_adopted_ones(
    northfield, agencies, amira, client_for
):
    # not chosen yet: every phase is collected
    assert "EDU-CIN-PA" in _owed(northfield, agencies["schools"], Q1)
    page = client_for(amira).get(northfield.url("data-set/phases/"))
    assert "every phase is collected" in page.content.decode()
    response = client_for(amira).post(
        northfield.url("data-set/phases/"),
        {"phase_1": "2025-04-01", "phase_2": "2025-10-01", "phase_3": ""},
    )
    assert response.status_code == 302
    assert phase_adoptions(partnership=northfield.partnership) == {1: Q1, 2: Q3}
    # phase 1 from April; phase 2 (education) only from October; phase 3 not at all
    police_q2 = _owed(northfield, northfield.police, Q2)
    assert "POL-MISSING" in police_q2
    assert "EDU-CIN-PA" not in _owed(northfield, agencies["schools"], Q2.replace(day=2))
    assert {"EDU-CIN-PA", "EDU-EHE"} <= _owed(northfield, agencies["schools"], Q3)
    assert "EH-ASSESS" not in _owed(northfield, northfield.council, Q3)
    # a period before phase 1's start asks nothing
    assert _owed(northfield, northfield.police, date(2025, 1, 1)) == set()
    # the catalogue page says which phases are collected, from when
    html = client_for(amira).get(northfield.url("data-set/")).content.decode()
    assert "Adopted from 1 October 2025" in html
    assert "Phase 3: not adopted (" in html


def test_phases_are_adopted_in_order_and_history_is_kept(northfield, catalogue, amira, client_for):
    url = northfield.url("data-set/phases/")
    response = client_for(amira).post(url, {"phase_1": "", "phase_2": "2025-04-01"})
    assert response.status_code == 200
    assert "Adopt phase 1 before phase 2" in response.content.decode()
    response = client_for(amira).post(url, {"phase_1": "2025-07-01", "phase_2": "2025-04-01"})
    assert "on or after phase 1" in response.content.decode()
    assert not PhaseAdoption.objects_for(northfield.partnership).exists()  # nothing stored
    client_for(amira).post(url, {"phase_1": "2025-04-01", "phase_2": "2025-07-01"})
    client_for(amira).post(url, {"phase_1": "2025-04-01", "phase_2": ""})
    html = client_for(amira).get(url).content.decode()
    assert "Phase 2 no longer adopted (was from 1 July 2025)" in html
    assert "Phase 2 adopted from 1 July 2025" in html
    assert "Amira" in html


def test_only_the_business_unit_chooses_phases_and_assignments(
    northfield, catalogue, helen, dev, client_for
):
    for person in (helen, dev):
        for path in ("data-set/phases/", "data-set/assignments/", "data-set/assignments/CSC-REF/"):
            assert client_for(person).get(northfield.url(path)).status_code == 403
        with pytest.raises(PermissionDenied):
            phase_adoptions_set(actor=actor_for_person(person), adopted={1: Q1})


def test_the_proposal_asks_the_sector_but_never_scrutiny_nor_what_the_registers_count(
    northfield, agencies, amira, client_for
):
    assert "WF-MA-TRAINING" not in _owed(northfield, agencies["fire"], Q1)
    assert _owed(northfield, agencies["scrutiny"], Q1) == set()
    # training's attendance registers fill it: no agency is asked (collection/sources.py)
    assert "WF-MA-TRAINING" not in _owed(northfield, northfield.council, Q1)
    assert "EDU-EHE" in _owed(northfield, agencies["college"], Q1)  # proposed until confirmed
    html = client_for(amira).get(northfield.url("data-set/assignments/")).content.decode()
    row = html[html.index('id="assignment-EDU-EHE"') :]
    row = row[: row.index("</tr>")]
    assert "College" in row and "Schools" in row and "Proposed" in row


def test_a_confirmed_assignment_asks_each_agency_exactly_what_it_owes(
    northfield, agencies, amira, client_for
):
    url = northfield.url("data-set/assignments/EDU-EHE/")
    page = client_for(amira).get(url).content.decode()
    assert "Proposed from the indicator" in page
    response = client_for(amira).post(
        url, {"agencies": [northfield.council.pk, agencies["schools"].pk]}
    )
    assert response.status_code == 302
    assert "EDU-EHE" not in _owed(northfield, agencies["college"], Q1)
    assert "EDU-EHE" in _owed(northfield, agencies["schools"], Q1)
    assert "EDU-EHE" in _owed(northfield, northfield.council, Q1)
    # completeness counts what each agency owes: the college no longer owes EHE
    round = _round(northfield, Q2)
    expected = {a.agency.name: a.expected for a in round_progress(round=round).agencies}
    assert expected["College"] == expected["Schools"] - 1
    list_page = client_for(amira).get(northfield.url("data-set/assignments/")).content.decode()
    row = list_page[list_page.index('id="assignment-EDU-EHE"') :]
    assert "Confirmed" in row[: row.index("</tr>")]
    # changed later: the history keeps each confirmation, newest first
    client_for(amira).post(url, {"agencies": [agencies["schools"].pk]})
    history = client_for(amira).get(url + "history/").content.decode()
    assert history.index("Schools</td>") < history.index(f"{northfield.council.name}, Schools")
    assignment = IndicatorAssignment.objects_for(northfield.partnership).get()
    assert [c.what for c in assignment_history(assignment=assignment)] == [
        "Schools",
        f"{northfield.council.name}, Schools",
    ]


def test_an_indicator_confirmed_with_no_agency_is_asked_of_none(northfield, agencies, amira):
    indicator = Indicator.objects.get(code="EDU-EHE")
    assignment_confirm(actor=actor_for_person(amira), indicator=indicator, agencies=[])
    assert "EDU-EHE" not in _owed(northfield, agencies["schools"], Q1)


def test_assignments_name_only_this_partnership_s_agencies_and_agency_returns(
    northfield, southvale, agencies, amira, client_for
):
    actor = actor_for_person(amira)
    with pytest.raises(ValidationError):
        assignment_confirm(
            actor=actor,
            indicator=Indicator.objects.get(code="CSC-REF"),
            agencies=[southvale.police],
        )
    with pytest.raises(ValidationError, match="scrutinises"):
        assignment_confirm(
            actor=actor,
            indicator=Indicator.objects.get(code="CSC-REF"),
            agencies=[agencies["scrutiny"]],
        )
    with pytest.raises(ValidationError):  # published national statistics are not collected
        assignment_confirm(
            actor=actor, indicator=Indicator.objects.get(code="CSC-CLA-START-RATE"), agencies=[]
        )
    assert (
        client_for(amira)
        .get(northfield.url("data-set/assignments/CSC-CLA-START-RATE/"))
        .status_code
        == 404
    )
    # another partnership's agency posted to the page is refused as a choice
    response = client_for(amira).post(
        northfield.url("data-set/assignments/CSC-REF/"), {"agencies": [southvale.police.pk]}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not IndicatorAssignment.objects_for(northfield.partnership).exists()


def test_the_business_unit_is_asked_to_confirm_the_proposals(northfield, agencies, amira):
    (todo,) = [t for t in todos_for(actor_for_person(amira)) if "Confirm which" in t.text]
    proposed = todo.count
    assignment_confirm(
        actor=actor_for_person(amira),
        indicator=Indicator.objects.get(code="CSC-REF"),
        agencies=[northfield.council],
    )
    (todo,) = [t for t in todos_for(actor_for_person(amira)) if "Confirm which" in t.text]
    assert todo.count == proposed - 1


def test_the_targets_page_lists_the_indicators_of_phases_adopted_by_the_year_s_end(
    northfield, catalogue, amira, client_for
):
    phase_adoptions_set(actor=actor_for_person(amira), adopted={1: Q1, 2: date(2026, 4, 1)})
    this_year = client_for(amira).get(northfield.url("data-set/targets/?year=2025")).content
    next_year = client_for(amira).get(northfield.url("data-set/targets/?year=2026")).content
    assert b"CSC-REF" in this_year and b"EDU-EHE" not in this_year
    assert b"EDU-EHE" in next_year and b"EH-ASSESS" not in next_year


def test_every_proposal_confirmed_at_once_leaves_the_confirmed_ones_alone(
    northfield, agencies, amira, client_for
):
    actor = actor_for_person(amira)
    ehe = Indicator.objects.get(code="EDU-EHE")
    assignment_confirm(actor=actor, indicator=ehe, agencies=[agencies["schools"]])
    page = client_for(amira).get(northfield.url("data-set/assignments/confirm/"))
    assert "will be reported by the agencies proposed" in page.content.decode()
    response = client_for(amira).post(northfield.url("data-set/assignments/confirm/"), {})
    assert response.status_code == 302
    assert not [t for t in todos_for(actor) if "Confirm which" in t.text]
    assert _owed(northfield, agencies["college"], Q1) == {"EDU-CIN-PA"}  # EHE stayed confirmed
    assert "EH-ASSESS" in _owed(northfield, northfield.council, Q1)
