"""Values a system counts from its own records (``core.registry.CollectionSource``): no agency
is asked for them; they are stored with where they came from and a link, when a round opens and
when the records change; a change in a published round is a revision with its reason.

The source here is a stand-in register of Northfield's training attendance (the real one,
training's registers, is tested in training's tests): a dict the test changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assurance.core import registry
from assurance.core.registry import CollectionSource, SourcedValue
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection.models import IndicatorValue, Revision
from assurance.dataset.collection.rules import Entry
from assurance.dataset.collection.selectors import agency_rows
from assurance.dataset.collection.services import round_open, round_publish, value_revise
from assurance.dataset.collection.sources import system_values_refresh
from assurance.partnerships.access import actor_for_person

CODE = "WF-MA-TRAINING"


@pytest.fixture
def register(northfield, catalogue, monkeypatch):
    """Agency id → how many attended this quarter, as the stand-in source counts them."""
    counts: dict[int, int] = {northfield.council.pk: 12, northfield.police.pk: 5}

    def values(partnership, first_day, last_day):
        assert (first_day, last_day) == (date(2025, 4, 1), date(2025, 6, 30))
        return [SourcedValue(a, n, "/registers/2025/1/") for a, n in counts.items()]

    monkeypatch.setitem(
        registry._COLLECTION_SOURCES, CODE, CollectionSource(CODE, "Training registers", values)
    )
    return counts


def _open(amira):
    return round_open(
        actor=actor_for_person(amira),
        frequency="quarterly",
        business_year=2025,
        number=1,
        opens_on=date(2025, 7, 1),
        due_on=date(2025, 7, 31),
    )


def _values(round):
    return {
        v.agency_id: v
        for v in IndicatorValue.objects_for(round.partnership).filter(
            round=round, indicator__code=CODE
        )
    }


def test_a_round_opens_with_the_counted_values_and_asks_no_agency_for_them(
    northfield, register, amira
):
    round = _open(amira)
    values = _values(round)
    assert {a: v.value for a, v in values.items()} == {
        northfield.council.pk: Decimal(12),
        northfield.police.pk: Decimal(5),
    }
    council = values[northfield.council.pk]
    assert council.source_label == "Training registers"
    assert council.source_href == "/registers/2025/1/"
    assert council.entered_via == "system" and council.entered_by == amira
    for agency in (northfield.council, northfield.police):
        assert CODE not in {r.indicator.code for r in agency_rows(round=round, agency=agency)}


def test_a_corrected_record_replaces_the_value_of_an_open_round_and_history_keeps_the_old(
    northfield, register, amira, farah
):
    round = _open(amira)
    register[northfield.council.pk] = 13
    del register[northfield.police.pk]  # the police's attendance was a mistake
    assert system_values_refresh(round=round, person=farah, reason="Register corrected") == 2
    values = _values(round)
    council = values[northfield.council.pk]
    assert council.value == 13 and council.entered_by == farah
    assert [h.numerator for h in council.history.order_by("history_date")] == [12, 13]
    assert values[northfield.police.pk].value == 0  # kept, at nought: not silently lost
    assert not Revision.objects_for(northfield.partnership).exists()  # open: no revision
    assert system_values_refresh(round=round, person=farah, reason="Again") == 0  # unchanged


def test_a_corrected_record_revises_a_published_value_with_the_reason(
    northfield, register, amira, farah
):
    round = _open(amira)
    round_publish(actor=actor_for_person(amira), round=round)
    register[northfield.council.pk] = 10
    system_values_refresh(round=round, person=farah, reason="Two were marked present wrongly.")
    council = _values(round)[northfield.council.pk]
    revision = Revision.objects_for(northfield.partnership).get(value=council)
    assert (revision.old_value, revision.new_value) == (12, 10)
    assert revision.reason == "Two were marked present wrongly." and revision.revised_by == farah
    assert council.value == 10


def test_an_agency_cannot_revise_a_counted_value_by_hand(northfield, register, amira, farah):
    round = _open(amira)
    round_publish(actor=actor_for_person(amira), round=round)
    council = _values(round)[northfield.council.pk]
    with pytest.raises(ValidationError, match="training registers: correct those"):
        value_revise(
            actor=actor_for_person(farah),
            value=council,
            entry=Entry(Decimal(20), None, "", False),
            reason="Typed",
        )
    council.refresh_from_db()
    assert council.value == 12


def test_the_round_page_says_where_a_counted_value_came_from(
    northfield, register, amira, client_for
):
    round = _open(amira)
    page = client_for(amira).get(northfield.url(f"data-set/collection/{round.pk}/"))
    html = page.content.decode()
    table = html[html.index('id="system-values"') :]
    assert 'href="/registers/2025/1/"' in table and "Training registers" in table
    assert Indicator.objects.get(code=CODE).title in table
