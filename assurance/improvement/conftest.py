"""The improvement tests' records below the improvement app: Northfield's neglect audit tool and
an audit that uses it (its recommendations, learning and re-audits are what the action log, the
learning cycle and the golden thread are about). Built from the frameworks' and audits' factories;
the personas come from the root conftest."""

from __future__ import annotations

import pytest

from assurance.audits.models import Audit
from assurance.audits.tests.factories import neglect_deep_dive
from assurance.frameworks.models import Framework
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant


@pytest.fixture
def tool(northfield: Tenant) -> Framework:
    """The small neglect audit tool: standards 1.1, 1.2, 2.1 and 2.2 on a Met scale."""
    return NeglectAuditToolFactory(partnership=northfield.partnership)


@pytest.fixture
def audit(northfield: Tenant, tool: Framework, amira: Person) -> Audit:
    """The "Neglect deep dive": the police, council and health take part; amira leads it."""
    return neglect_deep_dive(northfield, tool=tool, lead=amira)
