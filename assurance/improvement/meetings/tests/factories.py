"""Factories for meetings and the decisions taken there.

``MeetingFactory(group=g, held_on=...)`` is a meeting of that group (in its partnership);
``DecisionFactory(meeting=m, recommendation=rec)`` accepts the recommendation at a quorate
meeting, without a vote.
"""

from __future__ import annotations

from datetime import date

import factory

from assurance.improvement.learning.tests.factories import RecommendationFactory
from assurance.improvement.meetings.models import Decision, DecisionOutcome, Meeting
from assurance.partnerships.tests.factories import GroupFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    partnership = factory.SelfAttribute("group.partnership")
    held_on = date(2026, 6, 10)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    partnership = factory.SelfAttribute("meeting.partnership")
    recommendation = factory.SubFactory(
        RecommendationFactory, partnership=factory.SelfAttribute("..partnership")
    )
    outcome = DecisionOutcome.ACCEPT
    reasons = "Agreed."
    quorate = True
    quorum_explanation = "All three safeguarding partners were represented."
