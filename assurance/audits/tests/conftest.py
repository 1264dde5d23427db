"""An audit in Northfield to test with: the small neglect audit tool (2 KLOEs, 2 standards each,
Met / Partially met / Not met / Not applicable), the police, council and health taking part,
led by amira; the personas come from the root conftest (amira the business unit, priya the
police auditor, kwame the health auditor, helen the police lead, joanna the health lead, corinne
the scrutineer)."""

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
    return NeglectAuditToolFactory(partnership=northfield.partnership)


@pytest.fixture
def audit(northfield: Tenant, tool: Framework, amira: Person) -> Audit:
    return neglect_deep_dive(northfield, tool=tool, lead=amira)
