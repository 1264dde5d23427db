"""The reviews tests' records: a serious incident in Northfield that farah (the council's lead)
and helen (the police lead) are named on, and joanna (the ICB's lead) is not. The personas come
from the root conftest."""

from __future__ import annotations

import pytest

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory


@pytest.fixture
def incident(northfield: Tenant, amira: Person, farah: Person, helen: Person) -> SeriousIncident:
    """SI-2026-01: a baby's injuries; the council became aware on Monday 2 March 2026."""
    return SeriousIncidentFactory(
        partnership=northfield.partnership,
        reference="SI-2026-01",
        recorded_by=amira,
        panel=[farah, helen],
        agencies=[northfield.council, northfield.police],
    )
