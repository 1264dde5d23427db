"""A partnership's own local indicators: the business unit adds and versions them in the web
interface; national indicators stay shared; another partnership never sees them; a changed
definition starts a new series on the SPC chart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assurance.dataset.catalogue.models import DefinitionChange, Indicator
from assurance.dataset.catalogue.services import local_indicator_create, local_indicator_update
from assurance.dataset.catalogue.tests.factories import LocalIndicatorFactory
from assurance.dataset.collection.models import RoundStatus
from assurance.dataset.collection.selectors import agency_indicators
from assurance.dataset.collection.tests.factories import (
    CollectionRoundFactory,
    IndicatorValueFactory,
)
from assurance.partnerships.access import actor_for_person

Q1 = date(2026, 4, 1)

FORM = {
    "code": "lado-ref",
    "title": "Referrals to the LADO",
    "definition": "Referrals to the local authority designated officer in the period.",
    "numerator_definition": "",
    "denominator_definition": "",
    "unit": "count",
    "polarity": "neither",
    "frequency": "quarterly",
    "phase": "3",
    "decimal_places": "0",
}


@pytest.fixture
def lado(northfield, amira, client_for):
    """Amira adds LADO referrals through the page; the council answers for it."""
    response = client_for(amira).post(
        northfield.url("data-set/local/new/"), {**FORM, "owner": northfield.council.pk}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Indicator.objects.get(partnership=northfield.partnership, code="LADO-REF")


def test_the_business_unit_adds_a_local_indicator_only_its_partnership_sees(
    lado, northfield, southvale, amira, tamsin, dev, client_for
):
    assert lado.version == 1 and lado.owner == northfield.council
    assert lado.source == "agency_return" and lado.owning_sector == northfield.council.sector
    assert "no national figure" in lado.no_benchmark_reason
    catalogue = client_for(dev).get(northfield.url("data-set/")).content.decode()
    assert "Referrals to the LADO" in catalogue and 'id="local"' in catalogue
    page = client_for(dev).get(northfield.url("data-set/LADO-REF/")).content.decode()
    assert "local indicator, version 1" in page and 'id="no-benchmark"' in page
    # another partnership: not in its catalogue, its page and its series are not found
    theirs = client_for(tamsin).get(southvale.url("data-set/")).content.decode()
    assert "LADO" not in theirs
    assert client_for(tamsin).get(southvale.url("data-set/LADO-REF/")).status_code == 404
    assert client_for(tamsin).get(southvale.url("data-set/local/LADO-REF/change/")).status_code == (
        404
    )
    api = client_for(tamsin).get(f"/api/v1/indicators/LADO-REF/series?area={southvale.slug}")
    assert api.status_code == 404
    # the shared catalogue of the API stays national
    codes = {i["code"] for i in client_for(amira).get("/api/v1/indicators/").json()}
    assert "LADO-REF" not in codes


def test_a_local_indicator_is_owed_by_its_partnerships_agencies_only(lado, northfield, southvale):
    assert lado in agency_indicators(
        agency=northfield.council, frequency="quarterly", period_start=Q1
    )
    assert lado not in agency_indicators(
        agency=southvale.council, frequency="quarterly", period_start=Q1
    )
    assert lado not in agency_indicators(
        agency=northfield.police, frequency="quarterly", period_start=Q1
    )


def test_a_code_of_a_national_indicator_or_another_local_one_is_refused(
    lado, northfield, amira, client_for, catalogue
):
    c = client_for(amira)
    for code in ("CSC-REF", "LADO-REF"):
        response = c.post(
            northfield.url("data-set/local/new/"),
            {**FORM, "code": code, "owner": northfield.council.pk},
        )
        assert response.status_code == 200
        assert "is already the code of an indicator" in response.content.decode()
    assert Indicator.objects.filter(code="LADO-REF").count() == 1


def test_the_same_code_in_two_partnerships_is_two_indicators(lado, southvale, tamsin):
    theirs = local_indicator_create(
        actor=actor_for_person(tamsin),
        code="LADO-REF",
        owner=southvale.council,
        **{k: v for k, v in FORM.items() if k != "code"},
    )
    assert theirs.pk != lado.pk and theirs.partnership == southvale.partnership


def test_the_owner_must_be_an_agency_of_the_partnership(northfield, southvale, amira):
    with pytest.raises(ValidationError) as refused:
        local_indicator_create(
            actor=actor_for_person(amira),
            code="X-1",
            owner=southvale.council,
            **{k: v for k, v in FORM.items() if k != "code"},
        )
    assert "owner" in refused.value.message_dict


def test_only_the_business_unit_adds_local_indicators(northfield, dev, client_for):
    assert client_for(dev).get(northfield.url("data-set/local/new/")).status_code == 403


def test_a_changed_definition_needs_a_date_and_a_reason_and_is_a_new_version(
    lado, northfield, amira, client_for
):
    c = client_for(amira)
    url = northfield.url("data-set/local/LADO-REF/change/")
    changed = {
        **FORM,
        "definition": "Referrals to the LADO, and allegations the LADO took up from other areas.",
        "owner": northfield.council.pk,
    }
    del changed["code"]
    refused = c.post(url, changed).content.decode()
    assert "Enter the date the new definition applies from" in refused
    assert "Say why the definition changed" in refused
    lado.refresh_from_db()
    assert lado.version == 1 and not DefinitionChange.objects.exists()
    saved = c.post(
        url, {**changed, "changes_from": "2025-07-01", "reason": "Allegations taken over count."}
    )
    assert saved.status_code == 302
    lado.refresh_from_db()
    assert lado.version == 2 and lado.definition.startswith("Referrals to the LADO, and")
    (change,) = DefinitionChange.objects.all()
    assert change.version == 2 and change.starts == date(2025, 7, 1)
    history = c.get(northfield.url("data-set/local/LADO-REF/history/")).content.decode()
    assert 'id="versions"' in history and "Allegations taken over count." in history
    # a new title is not a new definition
    assert c.post(url, {**changed, "title": "LADO referrals"}).status_code == 302
    lado.refresh_from_db()
    assert lado.version == 2 and lado.title == "LADO referrals"


def test_a_changed_definition_starts_a_new_series_on_the_spc_chart(
    northfield, amira, dev, client_for
):
    indicator = LocalIndicatorFactory(partnership=northfield.partnership, owner=northfield.council)
    quarters = [date(2023, 4, 1), date(2023, 7, 1), date(2023, 10, 1), date(2024, 1, 1)]
    quarters += [date(2024, 4, 1), date(2024, 7, 1), date(2024, 10, 1), date(2025, 1, 1)]
    for n, start in enumerate(quarters):
        round = CollectionRoundFactory(
            partnership=northfield.partnership, start=start, status=RoundStatus.PUBLISHED
        )
        IndicatorValueFactory(
            round=round,
            indicator=indicator,
            agency=northfield.council,
            numerator=Decimal(30 + n % 2 if n < 4 else 60 + n % 2),
        )
    page = client_for(dev).get(northfield.url(f"data-set/{indicator.code}/"))
    assert len(page.context["spc"].groups) == 1
    assert page.context["spc"].variation.value != "common_cause"  # one series: a jump
    assert 'id="series-breaks"' not in page.content.decode()
    local_indicator_update(
        actor=actor_for_person(amira),
        indicator=indicator,
        owner=northfield.council,
        changes_from=date(2024, 4, 1),
        reason="Counted by referral, not by child.",
        definition="Referrals, each counted.",
    )
    page = client_for(dev).get(northfield.url(f"data-set/{indicator.code}/"))
    html = page.content.decode()
    groups = page.context["spc"].groups
    assert len(groups) == 2 and groups[1].start_index == 4
    assert 'id="series-breaks"' in html and "Series break at " in html
    assert "Counted by referral, not by child." in html
    # the jump from 30 to 60 is the new definition, not a signal
    assert page.context["spc"].variation.value == "common_cause"


def test_a_long_reason_is_kept_whole_on_the_version_and_shortened_in_the_history(northfield, amira):
    """The history's reason column holds 100 characters (PostgreSQL refused the demo's longer
    one); the definition change keeps every word."""
    indicator = LocalIndicatorFactory(partnership=northfield.partnership, owner=northfield.council)
    reason = "Counted by referral, not by child, as agreed by the data group. " * 4
    local_indicator_update(
        actor=actor_for_person(amira),
        indicator=indicator,
        owner=northfield.council,
        changes_from=date(2024, 4, 1),
        reason=reason,
        definition="Referrals, each counted.",
    )
    assert DefinitionChange.objects.get(indicator=indicator).reason == reason.strip()
    stored = indicator.history.latest().history_change_reason
    assert len(stored) == 100 and stored.endswith("…")
    assert stored.startswith("Version 2 from 1 April 2024: Counted by referral")


def test_one_list_of_a_local_indicator_s_fields_serves_the_form_the_service_and_the_api(
    northfield, catalogue, amira
):
    from assurance.dataset.catalogue.api import IndicatorSerializer
    from assurance.dataset.catalogue.forms import LocalIndicatorForm
    from assurance.dataset.catalogue.models import LOCAL_FIELDS

    form = LocalIndicatorForm(partnership=northfield.partnership)
    assert set(LOCAL_FIELDS) <= set(form.fields) and set(LOCAL_FIELDS) <= set(
        IndicatorSerializer().fields
    )
    # the service stores every one of them (a title and a phase: no new version)
    indicator = LocalIndicatorFactory(partnership=northfield.partnership, owner=northfield.council)
    local_indicator_update(
        actor=actor_for_person(amira),
        indicator=indicator,
        owner=northfield.council,
        title="Renamed",
        phase=2,
        decimal_places=1,
    )
    indicator.refresh_from_db()
    assert (indicator.title, indicator.phase, indicator.decimal_places, indicator.version) == (
        "Renamed",
        2,
        1,
        1,
    )
