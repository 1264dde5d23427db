"""A Section 175/157 round of Northfield's schools, its deadline passed: Larkfield (lead and
deputy invited) has not started, Brook (lead invited) is in progress, Oakhurst (a secondary
academy in NF7, nobody invited) has not started, and Fairway has submitted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.rounds.models import ParticipantStatus
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory
from assurance.selfassessment.settings.models import SettingRole
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)


@pytest.fixture
def school_round(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    round = RoundFactory(partnership=p, deadline=timezone.localdate() - timedelta(days=3))
    larkfield = SettingFactory(partnership=p, name="Larkfield Primary School", postcode="NF1 2AB")
    brook = SettingFactory(partnership=p, name="Brook Infant School", postcode="NF12 9QT")
    oakhurst = SettingFactory(
        partnership=p,
        name="Oakhurst High School",
        phase="Secondary",
        type_group="Academies",
        establishment_type="Academy converter",
        postcode="NF7 3XY",
    )
    fairway = SettingFactory(partnership=p, name="Fairway Primary School", postcode="NF1 5CD")
    SettingMemberFactory(setting=larkfield, person__email="dsl@larkfield.example")
    SettingMemberFactory(
        setting=larkfield, role=SettingRole.DEPUTY, person__email="deputy@larkfield.example"
    )
    SettingMemberFactory(
        setting=larkfield, role=SettingRole.HEAD, person__email="head@larkfield.example"
    )
    SettingMemberFactory(setting=brook, person__email="dsl@brook.example")
    SettingMemberFactory(setting=fairway, person__email="dsl@fairway.example")
    participants = {
        name: ParticipantFactory(round=round, setting=setting)
        for name, setting in [
            ("larkfield", larkfield),
            ("brook", brook),
            ("oakhurst", oakhurst),
            ("fairway", fairway),
        ]
    }
    brook_p = participants["brook"]
    brook_p.status = ParticipantStatus.IN_PROGRESS
    save_as(brook_p, None)
    fairway_p = participants["fairway"]
    fairway_p.status = ParticipantStatus.SUBMITTED
    fairway_p.submitted_at = timezone.now()
    save_as(fairway_p, None)
    return {"round": round, **participants}
