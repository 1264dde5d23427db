"""The ways in. Helen, the police's lead, has her agency's Section 11 return on her home page's
to-do list until it is submitted; Hannah (Larkfield's lead) has her school's return to fill in on
her school's page, her home; Grace (its head) the return to sign off once every standard is
answered; the panel (Helen sits on the education group; Amira is the business unit) the returns
awaiting challenge, until they are challenged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant
from assurance.selfassessment.challenges import services
from assurance.selfassessment.challenges.models import ChallengePanel
from assurance.selfassessment.challenges.tests.factories import fill_in, submit
from assurance.selfassessment.returns.tests.factories import S11, s175_round, shipped_tool
from assurance.selfassessment.returns.todos import return_todos
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory
from assurance.selfassessment.settings.models import SettingRole
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)

Clients = Callable[[Any], Client]


def _texts(todos: list[Any]) -> list[str]:
    return [todo.text for todo in todos]


def test_an_agency_lead_has_their_agencys_section_11_return_on_their_home_page(
    northfield: Tenant, helen: Person, farah: Person, amira: Person, client_for: Clients
) -> None:
    round = RoundFactory(
        partnership=northfield.partnership,
        framework=shipped_tool(northfield.partnership, S11),
        audience="agencies",
        year=2024,
        deadline=timezone.localdate() + timedelta(days=20),
    )
    police = ParticipantFactory(round=round, setting=None, agency=northfield.police)
    ParticipantFactory(round=round, setting=None, agency=northfield.council)
    home = client_for(helen).get("/p/northfield/").content.decode()
    assert "Fill in and sign off Northfield Police&#x27;s Section 11 self-assessment" in home
    assert f"/p/northfield/self-assessment/returns/{police.pk}/" in home
    assert "Northfield Council&#x27;s" not in home
    assert _texts(return_todos(actor_for_person(amira))) == []
    # once submitted, it leaves the list
    submit(police, helen, helen)
    assert _texts(return_todos(actor_for_person(helen))) == []


@pytest.fixture
def larkfield(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    setting = SettingFactory(partnership=p, name="Larkfield Primary School")
    round = s175_round(p, 2025, deadline=timezone.localdate() - timedelta(days=1))
    return {
        "participant": ParticipantFactory(round=round, setting=setting),
        "hannah": SettingMemberFactory(setting=setting).person,
        "grace": SettingMemberFactory(setting=setting, role=SettingRole.HEAD).person,
        "setting": setting,
    }


def test_a_schools_lead_and_head_see_their_return_on_their_schools_page(
    larkfield: dict[str, Any], client_for: Clients
) -> None:
    participant, setting = larkfield["participant"], larkfield["setting"]
    page = f"/p/northfield/self-assessment/settings/{setting.pk}/"
    hannah = client_for(larkfield["hannah"]).get(page).content.decode()
    assert "Fill in Larkfield Primary School&#x27;s Section 175/157" in hannah
    assert "Overdue" in hannah
    grace = client_for(larkfield["grace"])
    assert "You have nothing to do at the moment" in grace.get(page).content.decode()
    fill_in(participant, larkfield["hannah"])
    signed = grace.get(page).content.decode()
    assert "Sign off Larkfield Primary School&#x27;s Section 175/157" in signed
    assert f"/self-assessment/returns/{participant.pk}/check/" in signed


def test_the_head_sees_nothing_to_sign_while_a_standard_is_unanswered(
    larkfield: dict[str, Any],
) -> None:
    participant = larkfield["participant"]
    fill_in(participant, larkfield["hannah"])
    answer = participant.self_assessment_return.assessment.answers.first()
    answer.evidence = ""
    answer.save()
    assert _texts(return_todos(actor_for_person(larkfield["grace"]))) == []


def test_the_panel_sees_the_returns_awaiting_challenge(
    northfield: Tenant,
    larkfield: dict[str, Any],
    helen: Person,
    amira: Person,
    farah: Person,
    client_for: Clients,
) -> None:
    participant = larkfield["participant"]
    submit(participant, larkfield["hannah"], larkfield["grace"])
    # no panel chosen for the round yet: nobody is asked
    assert (
        "Challenge the submitted returns"
        not in client_for(amira).get("/p/northfield/").content.decode()
    )
    group = GroupFactory(partnership=northfield.partnership, members=[helen])
    ChallengePanel.unscoped.create(
        partnership=northfield.partnership, round=participant.round, group=group
    )
    for person in (helen, amira):
        home = client_for(person).get("/p/northfield/").content.decode()
        assert "Challenge the submitted returns of Section 175/157" in home
        assert "1 to do" in home
    assert (
        "Challenge the submitted returns"
        not in client_for(farah).get("/p/northfield/").content.decode()
    )
    services.challenge_record(
        actor=actor_for_person(helen),
        participant=participant,
        ratings={},
        outcome="confirmed",
        summary="Agreed.",
        met_on=timezone.localdate(),
    )
    assert (
        "Challenge the submitted returns"
        not in client_for(helen).get("/p/northfield/").content.decode()
    )
