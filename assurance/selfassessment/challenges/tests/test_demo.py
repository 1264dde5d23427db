"""The demo's challenge: the education group (ELRAG) is the panel of Northfield's 2025/26 Section
175/157 round; two submitted returns are challenged, one with a rating changed and an action in
the action log, the other confirmed; the demo schools' own returns are not challenged."""

from __future__ import annotations

import pytest

from assurance.improvement.actions.models import Action
from assurance.selfassessment.challenges.models import (
    AgreedRating,
    Challenge,
    ChallengeAction,
    ChallengePanel,
)


@pytest.mark.usefixtures("demo")
def test_two_returns_of_the_demo_round_are_challenged_one_with_an_action() -> None:
    panel = ChallengePanel.unscoped.get(partnership__slug="northfield")
    assert panel.group.short_name == "ELRAG"
    assert panel.round.year == 2025 and panel.round.framework.name.startswith("Section 175")
    challenges = list(Challenge.unscoped.filter(sa_return__participant__round=panel.round))
    assert sorted(c.outcome for c in challenges) == ["amended", "confirmed"]
    assert all(c.sa_return.is_locked and c.history.exists() for c in challenges)
    assert {c.sa_return.participant.setting.urn for c in challenges}.isdisjoint({990001, 990002})
    agreed = AgreedRating.unscoped.get()
    assert (agreed.challenge.outcome, agreed.option.label) == ("amended", "Partly met")
    link = ChallengeAction.unscoped.get()
    assert link.item == agreed.item and link.challenge == agreed.challenge
    assert Action.unscoped.filter(pk=link.action_id, recommendation=None).exists()
