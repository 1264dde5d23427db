"""The demo's returns: Northfield's Section 11 round all signed off; its 2024/25 Section 175/157
round all signed off; its 2025/26 round mostly signed off, with some standards partly met or not
met, some in progress and some not started; Northfield Primary School in progress, carrying last
year's answers forward."""

from __future__ import annotations

from collections import Counter

import pytest

from assurance.frameworks.models import Answer
from assurance.selfassessment.returns.models import (
    CarriedAnswer,
    ReturnEvidence,
    SelfAssessmentReturn,
)
from assurance.selfassessment.rounds.models import Participant, Round


@pytest.mark.usefixtures("demo")
def test_the_demo_rounds_have_returns() -> None:
    rounds = {
        (r.framework.name.split()[1], r.year): r
        for r in Round.unscoped.filter(partnership__slug="northfield").select_related("framework")
    }
    for key in (("11", 2024), ("175/157", 2024)):
        statuses = set(
            Participant.unscoped.filter(round=rounds[key]).values_list("status", flat=True)
        )
        assert statuses == {"submitted"}, key
    this_year = Participant.unscoped.filter(round=rounds[("175/157", 2025)])
    counts = Counter(this_year.values_list("status", flat=True))
    assert counts["submitted"] > counts["in_progress"] > 0 and counts["not_started"] > 0
    assert sum(counts.values()) >= 120
    ratings = Counter(
        Answer.objects.filter(
            assessment__self_assessment_return__participant__round=rounds[("175/157", 2025)]
        ).values_list("option__label", flat=True)
    )
    assert ratings["Fully met"] > ratings["Partly met"] > ratings["Not met"] > 0
    submitted = SelfAssessmentReturn.unscoped.filter(
        participant__round=rounds[("175/157", 2025)], submitted_at__isnull=False
    )
    assert not submitted.filter(signed_off_name="").exists()
    primary = SelfAssessmentReturn.unscoped.get(
        participant__round=rounds[("175/157", 2025)], participant__setting__urn=990001
    )
    assert primary.participant.status == "in_progress" and primary.carried_from is not None
    assert CarriedAnswer.unscoped.filter(sa_return=primary, confirmed_at__isnull=True).count() == 11
    assert ReturnEvidence.unscoped.filter(sa_return=primary).count() == 2
    # Written with their history
    assert primary.history.exists() and submitted.first().history.exists()
