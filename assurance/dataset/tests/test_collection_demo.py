"""The demo's quarterly collection: three years published with two genuine special-cause
signals, a revised value, and an open round with late agencies."""

from __future__ import annotations

import pytest

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.spc import SpecialCause, Variation, xmr
from assurance.dataset.collection.demo import load_demo_collection
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.dataset.collection.selectors import (
    changed_since_sign_off,
    partnership_series,
    round_progress,
)
from assurance.dataset.demo import load_demo_dataset
from assurance.partnerships.demo import load_demo_partnerships
from assurance.partnerships.models import Partnership


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
