"""The challenge's people: Larkfield Primary (Hannah its lead, Grace its head) and Ashby Vale
(Oliver its lead) in this year's Section 175/157 round, whose panel is the education group
(Helen sits on it); Larkfield's return is submitted."""

from __future__ import annotations

from typing import Any

import pytest

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant
from assurance.selfassessment.challenges.models import ChallengePanel
from assurance.selfassessment.challenges.tests.factories import submit
from assurance.selfassessment.returns.tests.factories import s175_round
from assurance.selfassessment.rounds.models import Participant
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
from assurance.selfassessment.settings.models import SettingRole
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)


@pytest.fixture
def school(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    larkfield = SettingFactory(partnership=p, name="Larkfield Primary School")
    ashby = SettingFactory(partnership=p, name="Ashby Vale Free School")
    member = SettingMemberFactory
    return {
        "larkfield": larkfield,
        "ashby": ashby,
        "hannah": member(setting=larkfield, person__full_name="Hannah Okafor").person,
        "grace": member(setting=larkfield, role=SettingRole.HEAD).person,
        "oliver": member(setting=ashby).person,
        "ashby_head": member(setting=ashby, role=SettingRole.HEAD).person,
    }


@pytest.fixture
def panel(northfield: Tenant, helen: Person) -> Any:
    return GroupFactory(
        partnership=northfield.partnership,
        name="Education and Learning Relevant Agencies Group",
        short_name="ELRAG",
        members=[helen],
    )


@pytest.fixture
def larkfield(northfield: Tenant, school: dict[str, Any], panel: Any, amira: Person) -> Participant:
    round = s175_round(northfield.partnership, 2025)
    ParticipantFactory(round=round, setting=school["ashby"])
    participant = ParticipantFactory(round=round, setting=school["larkfield"])
    ChallengePanel.unscoped.create(partnership=northfield.partnership, round=round, group=panel)
    submit(participant, school["hannah"], school["grace"])
    return participant
