"""The demo's quarterly collection: three years published with two genuine special-cause
signals, a revised value, and an open round with late agencies."""

from __future__ import annotations

import pytest

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.spc import SpecialCause, Variation, xmr
from assurance.dataset.collection.demo import load_demo_collection
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.dataset.collection.selectors import (
    agency_rows,
    changed_since_sign_off,
    partnership_series,
    round_progress,
)
from assurance.dataset.demo import load_demo_dataset
from assurance.partnerships.demo import load_demo_partnerships
from assurance.partnerships.models import Agency, Partnership


@pytest.fixture
def northfield_demo(db):
    load_demo_partnerships(None)
    load_demo_dataset(None)
    return Partnership.unscoped.get(slug="northfield")


def _series(partnership, code):
    return partnership_series(partnership=partnership, indicator=Indicator.objects.get(code=code))


def test_three_years_published_and_one_round_open_with_late_agencies(northfield_demo):
    rounds = CollectionRound.objects_for(northfield_demo)
    assert rounds.filter(status="published").count() == 12
    (open_round,) = rounds.filter(status="open")
    progress = round_progress(round=open_round)
    assert progress.late >= 3 and progress.on_time >= 2
    assert 0 < progress.completeness < 100
    council = next(a.agency for a in progress.agencies if a.agency.short_name == "Council")
    assert changed_since_sign_off(round=open_round, agency=council) == 0
    count = IndicatorValue.objects_for(northfield_demo).count()
    load_demo_collection()  # idempotent
    assert IndicatorValue.objects_for(northfield_demo).count() == count


def test_re_referrals_show_a_concerning_shift(northfield_demo):
    series = _series(northfield_demo, "CSC-REREF")
    assert len(series) == 12
    result = xmr([float(p.value) for p in series], polarity="lower")
    assert result.variation is Variation.CONCERNING
    assert sum(p.run for p in result.points) >= 7


def test_police_missing_episodes_spike_beyond_the_upper_limit(northfield_demo):
    series = _series(northfield_demo, "POL-MISSING")
    result = xmr([float(p.value) for p in series])
    beyond = [p for p in result.points if p.cause is SpecialCause.ABOVE_UPPER]
    assert len(beyond) == 1
    assert "repeatedly missing" in series[beyond[0].index].commentary[0][1]


def test_a_revised_point_is_marked(northfield_demo):
    series = _series(northfield_demo, "CSC-REF")
    revised = [p for p in series if p.revised]
    assert len(revised) == 1 and "out-of-hours" in revised[0].revisions[0].reason
    value = revised[0].revisions[0].value
    assert changed_since_sign_off(round=value.round, agency=value.agency) == 1


def test_northfield_asks_each_agency_what_it_owes_from_the_phases_it_adopted(northfield_demo):
    rounds = list(CollectionRound.objects_for(northfield_demo).order_by("period_start"))
    agencies = {a.short_name: a for a in Agency.objects_for(northfield_demo)}

    def owed(round, name):
        return {r.indicator.code for r in agency_rows(round=round, agency=agencies[name])}

    open_round = rounds[-1]
    assert "WF-MA-TRAINING" not in owed(open_round, "Fire")
    assert owed(open_round, "Scrutiny") == set()
    assert "EDU-EHE" not in owed(open_round, "College")
    assert "EDU-EHE" in owed(open_round, "Council")
    assert "WF-MA-TRAINING" not in owed(open_round, "Council")  # the registers count it
    assert "EDU-EHE" in owed(open_round, "Schools")
    # phase 1 from the first round, phase 2 from the third, phase 3 from the fifth
    assert owed(rounds[0], "Schools") == set() and "EDU-CIN-PA" in owed(rounds[2], "Schools")
    assert "EH-ASSESS" not in owed(rounds[3], "Council")
    assert "EH-ASSESS" in owed(rounds[4], "Council")
    values = IndicatorValue.objects_for(northfield_demo)
    assert not values.filter(round=rounds[3], indicator__phase=3).exists()
    # the training registers count it (training's demo): no agency typed it
    training = values.filter(indicator__code="WF-MA-TRAINING")
    assert not training.exclude(entered_via="system").exists()
