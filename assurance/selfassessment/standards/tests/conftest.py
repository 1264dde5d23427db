"""Northfield's Section 175/157 round of this year (the shipped tool: 14 standards rated Fully /
Partly / Not met) and last year's round of the same tool:

* this year: Larkfield and Brook (primary) and Oakhurst (a secondary academy) have submitted;
  Larkfield rates 1.1 Not met, Brook 1.1 Partly met, Oakhurst everything Fully met; Fairway
  (primary) has a draft rating everything Not met, which counts nowhere; Meadow has not started.
* last year: four schools submitted, one rating 1.1 Fully met and three Not met (25%)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.returns.tests.factories import s175_round
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
from assurance.selfassessment.settings.tests.factories import SettingFactory
from assurance.selfassessment.standards.tests.factories import rated


@pytest.fixture
def rounds(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    year = timezone.localdate().year
    round = s175_round(p, year=year, deadline=timezone.localdate() - timedelta(days=2))
    last = s175_round(p, year=year - 1, deadline=timezone.localdate() - timedelta(days=300))
    schools = {
        "larkfield": SettingFactory(partnership=p, name="Larkfield Primary School"),
        "brook": SettingFactory(partnership=p, name="Brook Infant School"),
        "oakhurst": SettingFactory(
            partnership=p,
            name="Oakhurst High School",
            phase="Secondary",
            type_group="Academies",
        ),
        "fairway": SettingFactory(partnership=p, name="Fairway Primary School"),
        "meadow": SettingFactory(partnership=p, name="Meadow Primary School"),
    }
    now = {name: ParticipantFactory(round=round, setting=s) for name, s in schools.items()}
    rated(now["larkfield"], {"1.1": "Not met"})
    rated(now["brook"], {"1.1": "Partly met"})
    rated(now["oakhurst"])
    rated(now["fairway"], default="Not met", submitted=False)
    for i, name in enumerate(["larkfield", "brook", "oakhurst", "fairway"]):
        before = ParticipantFactory(round=last, setting=schools[name])
        rated(before, {"1.1": "Fully met" if i == 0 else "Not met"})
    return {"round": round, "last": last, **now}
