"""The improvement tests' records below the improvement app: Northfield's neglect audit tool and
an audit that uses it (its recommendations, learning and re-audits are what the action log, the
learning cycle and the golden thread are about). Built from the frameworks' and audits' factories;
the personas come from the root conftest. Also the groups that meet (the executive, with two
health representatives, and the ARG) and a recommendation resting on learning, for the tests of
meetings, decisions and the highlight report."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.audits.models import Audit
from assurance.audits.tests.factories import neglect_deep_dive
from assurance.core.roles import Role
from assurance.frameworks.models import Framework
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.improvement.learning import services as learning_services
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, PersonFactory, Tenant


@pytest.fixture
def tool(northfield: Tenant) -> Framework:
    """The small neglect audit tool: standards 1.1, 1.2, 2.1 and 2.2 on a Met scale."""
    return NeglectAuditToolFactory(partnership=northfield.partnership)


@pytest.fixture
def audit(northfield: Tenant, tool: Framework, amira: Person) -> Audit:
    """The "Neglect deep dive": the police, council and health take part; amira leads it."""
    return neglect_deep_dive(northfield, tool=tool, lead=amira)


@pytest.fixture
def lorna(northfield):
    """lorna: the ICB's chief nurse, a second health representative on the executive."""
    return PersonFactory(
        partnership=northfield.partnership,
        agency=northfield.health,
        full_name="Lorna Beck",
        email="lorna@northfield.test",
        roles=[Role.GROUP_MEMBER],
    )


@pytest.fixture
def executive(northfield, farah, helen, joanna, lorna):
    """The executive: farah (council), helen (police), joanna and lorna (health) hold seats."""
    return GroupFactory(
        partnership=northfield.partnership,
        name="Partnership executive",
        short_name="LSCP",
        purpose="Decides.",
        meeting_frequency="three_per_year",
        decision_making=True,
        members=[farah, helen, joanna, lorna],
    )


@pytest.fixture
def arg(northfield, farah, helen, joanna):
    """The ARG: quorate with three member agencies; farah, helen and joanna hold seats."""
    return GroupFactory(
        partnership=northfield.partnership,
        name="Assurance and Review Group",
        short_name="ARG",
        purpose="Assures.",
        meeting_frequency="quarterly",
        quorum_rule="min_member_agencies",
        quorum_number=3,
        voting_rule="consensus",
        members=[farah, helen, joanna],
    )


@pytest.fixture
def recommendation(northfield, amira):
    item = learning_services.learning_item_create(
        actor=actor_for_person(amira),
        title="Escalation rarely used",
        what_was_learned="Plans stall without escalation.",
        source="single_agency",
        learned_on=date(2026, 5, 1),
    )
    return learning_services.learning_recommendation_create(
        actor=actor_for_person(amira),
        title="Relaunch the escalation procedure",
        text="Brief practitioners.",
        learning_items=[item],
    )
