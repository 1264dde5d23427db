"""The panel reads the return's evidence. Larkfield's lead attached a file and a link to 1.1;
Helen sits on the education group, the round's panel, and is not the business unit: she sees
both on the challenge's page and on the panel's form, and opens the file through the challenge.
A group member who is not on the panel, another school's lead and an agency's lead get "not
found"; so does Helen while the return is unlocked (a draft is not the organisation's word)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from assurance.core.roles import Role
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PersonFactory, Tenant
from assurance.selfassessment.challenges.tests.factories import challenge_url, standard, submit
from assurance.selfassessment.returns import services as return_services
from assurance.selfassessment.returns.models import ReturnEvidence
from assurance.selfassessment.rounds.models import Participant

pytestmark = pytest.mark.django_db

Clients = Callable[[Any], Client]
CONTENT = b"Minutes of the governing board, 4 March 2025: the safeguarding report was read."


@pytest.fixture
def with_evidence(
    larkfield: Participant, school: dict[str, Any], amira: Person
) -> tuple[Participant, ReturnEvidence]:
    return_services.return_unlock(
        actor=actor_for_person(amira), participant=larkfield, reason="Add the board's minutes."
    )
    lead = actor_for_person(school["hannah"])
    item = standard(larkfield, "1.1")
    file = return_services.evidence_add(
        actor=lead,
        participant=larkfield,
        item=item,
        description="Governing board minutes, March 2025",
        file=SimpleUploadedFile("minutes.txt", CONTENT),
    )
    return_services.evidence_add(
        actor=lead,
        participant=larkfield,
        item=item,
        description="Our published child protection policy",
        link="https://larkfield.example/policy",
    )
    submit(larkfield, school["hannah"], school["grace"])
    return larkfield, file


def test_the_panel_sees_and_opens_the_returns_evidence(
    with_evidence: tuple[Participant, ReturnEvidence], helen: Person, client_for: Clients
) -> None:
    larkfield, file = with_evidence
    client = client_for(helen)
    # Helen may not open the return itself, only its challenge
    assert client.get(f"/p/northfield/self-assessment/returns/{larkfield.pk}/").status_code in {
        403,
        404,
    }
    url = challenge_url(larkfield, f"evidence/{file.pk}/")
    for page in (challenge_url(larkfield), challenge_url(larkfield, "record/")):
        html = client.get(page).content.decode()
        assert "Governing board minutes, March 2025" in html and url in html
        assert 'href="https://larkfield.example/policy"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert 'filename="minutes.txt"' in response["Content-Disposition"]


def test_nobody_else_outside_the_school_opens_it(
    with_evidence: tuple[Participant, ReturnEvidence],
    school: dict[str, Any],
    farah: Person,
    corinne: Person,
    amira: Person,
    northfield: Tenant,
    client_for: Clients,
) -> None:
    larkfield, file = with_evidence
    url = challenge_url(larkfield, f"evidence/{file.pk}/")
    not_on_panel = PersonFactory(
        partnership=northfield.partnership, agency=northfield.council, roles=[Role.GROUP_MEMBER]
    )
    for person in (not_on_panel, school["oliver"], farah):
        assert client_for(person).get(url).status_code == 404, person
    # the business unit, the scrutineer and the school itself may
    for person in (amira, corinne, school["hannah"]):
        assert client_for(person).get(url).status_code == 200, person
    # another return's participant with this evidence's number: not found
    ashby = Participant.unscoped.get(round=larkfield.round, setting=school["ashby"])
    other = challenge_url(ashby, f"evidence/{file.pk}/")
    assert client_for(amira).get(other).status_code == 404


def test_not_while_the_return_is_unlocked(
    with_evidence: tuple[Participant, ReturnEvidence],
    helen: Person,
    amira: Person,
    client_for: Clients,
) -> None:
    larkfield, file = with_evidence
    return_services.return_unlock(
        actor=actor_for_person(amira), participant=larkfield, reason="Once more."
    )
    url = challenge_url(larkfield, f"evidence/{file.pk}/")
    assert client_for(helen).get(url).status_code == 404
