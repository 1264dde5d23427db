"""Every status of every vocabulary has its tag colour, registered once by its app."""

from __future__ import annotations

import pytest

from assurance.audits.models import AuditStatus, ReturnStatus
from assurance.core.registry import status_colour
from assurance.dataset.benchmarks.rules import Rag
from assurance.dataset.collection.models import RoundStatus
from assurance.improvement.actions.models import ImpactOutcome
from assurance.improvement.actions.status import STATUS_LABELS
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.scrutiny.models import ChallengeStatus

VOCABULARIES = {
    "action": list(STATUS_LABELS),
    "audit": list(AuditStatus),
    "agency_return": list(ReturnStatus),
    "recommendation": list(Recommendation.Status),
    "challenge": [*ChallengeStatus, "overdue"],
    "impact": list(ImpactOutcome),
    "collection_round": list(RoundStatus),
    "rag": list(Rag),
}


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_every_status_has_a_colour(vocabulary: str) -> None:
    missing = [s for s in VOCABULARIES[vocabulary] if not status_colour(vocabulary, s)]
    assert not missing, f"{vocabulary}: no tag colour for {missing}"


def test_the_colours_chosen_where_pages_disagreed() -> None:
    """An action not started is blue (the Design System's "Not yet started"), a cancelled one
    grey (its "Inactive"); an agency return signed off is green and one returned is red."""
    assert status_colour("action", "not_started") == "blue"
    assert status_colour("action", "cancelled") == "grey"
    assert status_colour("agency_return", ReturnStatus.SIGNED_OFF) == "green"
    assert status_colour("agency_return", ReturnStatus.RETURNED) == "red"
