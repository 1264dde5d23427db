"""Breakdowns by locality: the business unit defines the partnership's localities and marks an
indicator as collected by locality; each agency enters its figure for every locality on the
values page, in the workbook's Localities sheet or in the API, adding up to its total; the
published figures are shown by locality as small multiples and a table.

Helen leads for Northfield's police, which reports police missing episodes (POL-MISSING)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.dataset.catalogue.models import Indicator, IndicatorAssignment
from assurance.dataset.catalogue.services import assignment_confirm
from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.dataset.collection import services
from assurance.dataset.collection.models import IndicatorValue, LocalityValue
from assurance.dataset.collection.rules import Entry
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.dataset.localities.models import Locality
from assurance.partnerships.access import actor_for_person

CODE = "POL-MISSING"


def _round(tenant, start=date(2026, 4, 1)):
    return CollectionRoundFactory(
        partnership=tenant.partnership,
        start=start,
        due_on=timezone.localdate() + timedelta(days=10),
    )


@pytest.fixture
def localities(northfield, catalogue, amira, client_for):
    """North and South, added by Amira on the localities page; police missing episodes are
    collected by locality."""
    client = client_for(amira)
    for name in ("North", "South"):
        response = client.post(
            northfield.url("data-set/localities/new/"), {"name": name, "is_active": "on"}
        )
        assert response.status_code == 302
    response = client.post(
        northfield.url(f"data-set/assignments/{CODE}/"),
        {"agencies": [northfield.police.pk], "by_locality": "on"},
    )
    assert response.status_code == 302
    return list(Locality.objects_for(northfield.partnership).order_by("order"))


def _fields(localities, north, south, total):
    north_pk, south_pk = (loc.pk for loc in localities)
    return {
        f"{CODE}-numerator": total,
        f"{CODE}-loc{north_pk}-numerator": north,
        f"{CODE}-loc{south_pk}-numerator": south,
    }


def test_the_business_unit_defines_localities_with_history(northfield, amira, client_for):
    client = client_for(amira)
    url = northfield.url("data-set/localities/")
    assert "no localities yet" in client.get(url).content.decode()
    client.post(url + "new/", {"name": "Kingshurst", "is_active": "on"})
    html = client.post(url + "new/", {"name": " kingshurst ", "is_active": "on"}).content.decode()
    assert "There is already a locality called kingshurst" in html
    locality = Locality.objects_for(northfield.partnership).get()
    response = client.post(
        url + f"{locality.pk}/", {"name": "North Northfield", "description": "Kingshurst ward"}
    )
    assert response.status_code == 302
    locality.refresh_from_db()
    assert (locality.name, locality.is_active) == ("North Northfield", False)
    assert locality.history.count() == 2 and locality.history.first().history_user == amira.user
    html = client.get(url).content.decode()
    assert "North Northfield" in html and "Not in use" in html
    assert "Kingshurst" in client.get(url + f"{locality.pk}/history/").content.decode()


def test_an_average_is_never_collected_by_locality(northfield, catalogue, amira):
    days = IndicatorFactory(code="NF-DAYS", unit="days", source="agency_return")
    with pytest.raises(ValidationError, match="cannot be collected by locality"):
        assignment_confirm(
            actor=actor_for_person(amira), indicator=days, agencies=[], by_locality=True
        )


def test_figures_by_locality_must_add_up_and_nothing_is_half_saved(
    northfield, localities, helen, client_for
):
    round = _round(northfield)
    url = northfield.url(f"data-set/collection/{round.pk}/values/")
    client = client_for(helen)
    html = client.get(url).content.decode()
    assert "Police missing episodes by locality" in html or f"{CODE}-loc" in html
    assert "The workbook has them on its Localities sheet" in html
    # they do not add up: the localities, their figures and the difference are named
    response = client.post(url, _fields(localities, "40", "40", "84"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "add up to 80, 4 fewer than the total of 84 (North 40, South 40)" in html
    # a locality left blank is named
    html = client.post(url, _fields(localities, "40", "", "84")).content.decode()
    assert "enter the figure for South" in html
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    assert not LocalityValue.objects_for(northfield.partnership).exists()
    # right: the total and both localities are saved together
    assert client.post(url, _fields(localities, "50", "34", "84")).status_code == 302
    value = IndicatorValue.objects_for(northfield.partnership).get(indicator__code=CODE)
    parts = {p.locality.name: p.numerator for p in value.parts.select_related("locality")}
    assert (value.numerator, parts) == (84, {"North": 50, "South": 34})
    # the page shows what is saved
    html = client.get(url).content.decode()
    assert 'value="50"' in html and 'value="34"' in html


def test_a_total_given_alone_cannot_break_a_breakdown(northfield, localities, helen, client_for):
    round = _round(northfield)
    actor = actor_for_person(helen)
    # the API gives a total first: saved; the localities follow on the values page
    services.values_save(
        actor=actor, round=round, agency=northfield.police, entries={CODE: Entry("84")}, via="api"
    )
    url = northfield.url(f"data-set/collection/{round.pk}/values/")
    client_for(helen).post(url, _fields(localities, "50", "34", "84"))
    # a new total by the API would leave the saved localities adding up to something else
    with pytest.raises(services.CollectionProblems) as refused:
        services.values_save(
            actor=actor,
            round=round,
            agency=northfield.police,
            entries={CODE: Entry("90")},
            via="api",
        )
    (message,) = [p.message for _, p in refused.value.problems]
    assert "add up to 84, 6 fewer than the total of 90" in message
    assert "Only the total was given: give the figures by locality with it" in message
    value = IndicatorValue.objects_for(northfield.partnership).get(indicator__code=CODE)
    assert value.numerator == 84  # unchanged
    # clearing the value clears its figures by locality too (history keeps them)
    services.values_save(
        actor=actor, round=round, agency=northfield.police, entries={CODE: Entry("")}
    )
    assert not LocalityValue.objects_for(northfield.partnership).exists()
    assert LocalityValue.history.filter(history_type="-").count() == 2


def test_sign_off_needs_every_locality_in_use(northfield, localities, helen, amira, client_for):
    round = _round(northfield)
    client = client_for(helen)
    values = {
        **_fields(localities, "50", "34", "84"),
        "POL-RHI72-numerator": "61",
        "POL-RHI72-denominator": "84",
        "POL-DA-CHILD-numerator": "233",
    }
    assert (
        client.post(northfield.url(f"data-set/collection/{round.pk}/values/"), values).status_code
        == 302
    )
    # a third locality is added before the police sign off
    client_for(amira).post(
        northfield.url("data-set/localities/new/"), {"name": "East", "is_active": "on"}
    )
    with pytest.raises(ValidationError, match="enter the figure for East"):
        services.round_sign_off(
            actor=actor_for_person(helen), round=round, agency=northfield.police
        )


def test_the_breakdown_page_shows_published_figures_as_small_multiples_and_a_table(
    northfield, localities, helen, amira, dev, client_for
):
    actor = actor_for_person(helen)
    for start, north, south in [
        (date(2026, 4, 1), "50", "34"),
        (date(2026, 7, 1), "52", "40"),
        (date(2026, 10, 1), "49", "51"),
    ]:
        round = _round(northfield, start)
        url = northfield.url(f"data-set/collection/{round.pk}/values/")
        total = str(int(north) + int(south))
        client_for(helen).post(url, _fields(localities, north, south, total))
        if start.month != 10:
            services.round_publish(actor=actor_for_person(amira), round=round)
    assert actor.person == helen
    page = northfield.url(f"data-set/{CODE}/localities/")
    html = client_for(dev).get(page).content.decode()
    assert html.count('role="img"') >= 2  # a small chart per locality
    assert 'aria-label="North: 50 in Q1 2026/27, 52 in Q2 2026/27"' in html
    table = html[html.index('id="breakdown"') :]
    assert "Q2 2026/27" in table and ">92<" in table and ">40<" in table
    assert "Q3 2026/27" not in table  # the open round is not published
    # the indicator page links to it; an indicator not collected by locality has none
    assert (
        f"data-set/{CODE}/localities/"
        in client_for(dev).get(northfield.url(f"data-set/{CODE}/")).content.decode()
    )
    assert (
        client_for(dev).get(northfield.url("data-set/POL-DA-CHILD/localities/")).status_code == 404
    )


def test_the_breakdown_page_reads_the_same_queries_for_more_periods(
    northfield, localities, helen, amira, dev, client_for
):
    def published(start):
        round = _round(northfield, start)
        client_for(helen).post(
            northfield.url(f"data-set/collection/{round.pk}/values/"),
            _fields(localities, "5", "6", "11"),
        )
        services.round_publish(actor=actor_for_person(amira), round=round)

    client = client_for(dev)
    page = northfield.url(f"data-set/{CODE}/localities/")
    counts = []
    for starts in ([date(2025, 4, 1), date(2025, 7, 1)], [date(2025, 10, 1), date(2026, 1, 1)]):
        for start in starts:
            published(start)
        client.get(page)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_demo_shows_referrals_by_locality(demo, demo_user, client_for):
    from assurance.partnerships.models import Partnership

    northfield = Partnership.unscoped.get(slug="northfield")
    assert Locality.objects_for(northfield).count() == 4
    assert IndicatorAssignment.objects_for(northfield).get(indicator__code="CSC-REF").by_locality
    # every saved referral figure is split by locality, adding up to it (after the revision)
    for value in IndicatorValue.objects_for(northfield).filter(indicator__code="CSC-REF"):
        assert sum(p.numerator for p in value.parts.all()) == value.numerator
        assert value.parts.count() == 4
    html = client_for(demo_user("business-unit")).get("/p/northfield/data-set/CSC-REF/localities/")
    text = html.content.decode()
    assert "East Northfield" in text and text.count('role="img"') >= 4
    assert Decimal(0) < Indicator.objects.get(code="CSC-REF").decimal_places + 1


def test_a_revision_asks_for_the_localities_too(northfield, localities, helen, amira, client_for):
    round = _round(northfield)
    client = client_for(helen)
    client.post(
        northfield.url(f"data-set/collection/{round.pk}/values/"),
        _fields(localities, "50", "34", "84"),
    )
    services.round_publish(actor=actor_for_person(amira), round=round)
    value = IndicatorValue.objects_for(northfield.partnership).get(indicator__code=CODE)
    url = northfield.url(f"data-set/collection/values/{value.pk}/revise/")
    north, south = (f"loc{loc.pk}-numerator" for loc in localities)
    assert 'value="50"' in client.get(url).content.decode()
    form = {"numerator": "90", "reason": "Six late records.", north: "50", south: "34"}
    html = client.post(url, form).content.decode()
    assert "add up to 84, 6 fewer than the total of 90" in html
    value.refresh_from_db()
    assert value.numerator == 84  # nothing half-saved
    assert client.post(url, {**form, south: "40"}).status_code == 302
    value.refresh_from_db()
    parts = {p.locality.name: p.numerator for p in value.parts.select_related("locality")}
    assert (value.numerator, parts) == (90, {"North": 50, "South": 40})
    assert value.revisions.get().old_numerator == 84


def test_a_revision_of_the_localities_only_is_accepted_and_kept_in_the_history(
    northfield, localities, helen, amira, client_for
):
    """A locality's figure was put in the wrong locality: the total stays, the split moves."""
    round = _round(northfield)
    client = client_for(helen)
    client.post(
        northfield.url(f"data-set/collection/{round.pk}/values/"),
        _fields(localities, "50", "34", "84"),
    )
    services.round_publish(actor=actor_for_person(amira), round=round)
    value = IndicatorValue.objects_for(northfield.partnership).get(indicator__code=CODE)
    url = northfield.url(f"data-set/collection/values/{value.pk}/revise/")
    north, south = (f"loc{loc.pk}-numerator" for loc in localities)
    # the same total and the same localities: still refused as unchanged
    same = {"numerator": "84", "reason": "No change.", north: "50", south: "34"}
    assert "the figures are unchanged" in client.post(url, same).content.decode()
    assert not value.revisions.exists()
    # the same total, the localities moved: accepted, the revision and the history keep it
    moved = {"numerator": "84", "reason": "Four episodes were in South.", north: "46", south: "38"}
    assert client.post(url, moved).status_code == 302
    value.refresh_from_db()
    parts = {p.locality.name: p.numerator for p in value.parts.select_related("locality")}
    assert (value.numerator, parts) == (84, {"North": 46, "South": 38})
    revision = value.revisions.get()
    assert (revision.old_numerator, revision.new_numerator) == (84, 84)
    assert revision.reason == "Four episodes were in South."
    north_part = value.parts.get(locality=localities[0])
    assert [h.numerator for h in north_part.history.order_by("history_date")] == [50, 46]
    assert north_part.history.latest("history_date").history_user == helen.user
    agency_page = northfield.url(f"data-set/collection/{round.pk}/agencies/{northfield.police.pk}/")
    html = client_for(amira).get(agency_page).content.decode()
    assert "Figures by locality revised on" in html and "Revised from 84" not in html


@pytest.fixture
def published_by_locality(northfield, localities, helen, amira, client_for):
    """Two published quarters of police missing episodes by locality (North ahead in both),
    on a scorecard with a target it misses: an exception."""
    from assurance.core.business_year import current_business_year
    from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
    from assurance.partnerships.tests.factories import PriorityFactory

    for start, north, south in [(date(2026, 4, 1), "50", "34"), (date(2026, 7, 1), "52", "40")]:
        round = _round(northfield, start)
        total = str(int(north) + int(south))
        client_for(helen).post(
            northfield.url(f"data-set/collection/{round.pk}/values/"),
            _fields(localities, north, south, total),
        )
        services.round_publish(actor=actor_for_person(amira), round=round)
    Indicator.objects.filter(code=CODE).update(polarity="lower")
    year = current_business_year()
    priority = PriorityFactory(partnership=northfield.partnership, business_year=year)
    IndicatorSettingFactory(
        partnership=northfield.partnership,
        indicator=Indicator.objects.get(code=CODE),
        business_year=year,
        target=Decimal(60),
        tolerance=Decimal(5),
        priorities=[priority],
    )
    northfield.priority = priority
    return northfield


def test_the_scorecard_and_exception_report_show_where_a_locality_stands_out(
    published_by_locality, dev, client_for
):
    northfield = published_by_locality
    client = client_for(dev)
    note = "By locality in Q2 2026/27: highest: North (52); lowest: South (40)"
    link = f'href="/p/northfield/data-set/{CODE}/localities/"'
    scorecard = northfield.url(f"data-set/scorecards/{northfield.priority.pk}/")
    row = client.get(scorecard).content.decode().split(f'id="row-{CODE}"')[1].split("</tr>")[0]
    assert note in row and link in row
    card = client.get(scorecard + "?view=cards").content.decode()
    card = card.split(f'id="card-{CODE}"')[1]
    assert "By locality" in card and note in card and link in card
    exceptions = client.get(northfield.url("data-set/exceptions/")).content.decode()
    card = exceptions.split(f'id="exception-{CODE}"')[1]
    assert "Target missed" in card and note in card and link in card


def test_the_exception_documents_carry_the_breakdown_table(published_by_locality, dev, client_for):
    from docx import Document

    northfield = published_by_locality
    client = client_for(dev)
    docx = client.get(northfield.url("data-set/exceptions/docx/"))
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in Document(io.BytesIO(docx.content)).tables
    ]
    assert [
        ["Locality", "Q1 2026/27", "Q2 2026/27"],
        ["North", "50", "52"],
        ["South", "34", "40"],
        ["Whole partnership", "84", "92"],
    ] in tables
    pdf = client.get(northfield.url("data-set/exceptions/pdf/"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_scorecard_reads_the_same_queries_for_more_indicators_by_locality(
    published_by_locality, localities, helen, amira, dev, client_for
):
    """A second indicator collected by locality on the same scorecard adds no query."""
    from assurance.core.business_year import current_business_year
    from assurance.dataset.targets.tests.factories import IndicatorSettingFactory

    northfield = published_by_locality
    client = client_for(dev)
    scorecard = northfield.url(f"data-set/scorecards/{northfield.priority.pk}/")

    def count():
        client.get(scorecard)  # the summary rows are current after this
        with CaptureQueriesContext(connection) as queries:
            page = client.get(scorecard).content.decode()
        return len(queries), page

    one, _ = count()
    client_for(amira).post(
        northfield.url("data-set/assignments/POL-DA-CHILD/"),
        {"agencies": [northfield.police.pk], "by_locality": "on"},
    )
    round = CollectionRoundFactory(
        partnership=northfield.partnership,
        start=date(2026, 10, 1),
        opens_on=date(2026, 10, 1),
        due_on=timezone.localdate() + timedelta(days=10),
    )
    north, south = (loc.pk for loc in localities)
    response = client_for(helen).post(
        northfield.url(f"data-set/collection/{round.pk}/values/"),
        {
            **_fields(localities, "5", "6", "11"),
            "POL-MISSING-commentary": "A new way of recording repeat episodes.",
            "POL-MISSING-confirmed": "on",
            "POL-DA-CHILD-numerator": "30",
            f"POL-DA-CHILD-loc{north}-numerator": "10",
            f"POL-DA-CHILD-loc{south}-numerator": "20",
        },
    )
    assert response.status_code == 302, response.content.decode().split("<main")[1][:3000]
    services.round_publish(actor=actor_for_person(amira), round=round)
    IndicatorSettingFactory(
        partnership=northfield.partnership,
        indicator=Indicator.objects.get(code="POL-DA-CHILD"),
        business_year=current_business_year(),
        priorities=[northfield.priority],
    )
    two, page = count()
    assert "highest: South (20); lowest: North (10)" in page
    assert "highest: South (6); lowest: North (5)" in page
    assert one == two
