"""The action plan, golden-thread and learning-thread pages make the same number of queries
however much history lies behind them (more learning, decisions, updates, evidence, actions)."""

import itertools
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.improvement.actions.models import Action
from assurance.improvement.actions.tests.factories import (
    ActionEvidenceFactory,
    ActionFactory,
    ActionUpdateFactory,
    ImpactAssessmentFactory,
)
from assurance.improvement.learning.models import LearningItem
from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    LearningThemeFactory,
    RecommendationFactory,
)
from assurance.improvement.meetings.tests.factories import DecisionFactory, MeetingFactory
from assurance.partnerships.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db

END = date(2026, 11, 1)
SERIAL = itertools.count()


def _grow(northfield, amira, rec, n):
    """Add ``n`` of everything around ``rec``: learning (direct and through themes), meetings
    with decisions, actions with updates, evidence and impact."""
    p = northfield.partnership
    group = GroupFactory(partnership=p)
    for _ in range(n):
        i = next(SERIAL)
        item = LearningItemFactory(
            partnership=p,
            title=f"Learning {i}",
            source="audit",
            learned_on=END - timedelta(days=i),
            recommendations=[rec],
        )
        LearningThemeFactory(partnership=p, title=f"Theme {i}", recommendations=[rec], items=[item])
        meeting = MeetingFactory(group=group, held_on=END - timedelta(i))
        DecisionFactory(meeting=meeting, recommendation=rec, quorate=bool(i % 2))
        action = ActionFactory(
            partnership=p,
            recommendation=rec,
            title=f"Action {i}",
            owner_agency=[northfield.council, northfield.police][i % 2],
            due_date=END + timedelta(days=i),
            state="complete" if i % 2 else "open",
            completed_at=END if i % 2 else None,
        )
        ActionUpdateFactory(action=action, rag="green", recorded_by=amira)
        ActionEvidenceFactory(action=action, link="/p/x/", added_by=amira)
        ImpactAssessmentFactory(action=action, method="judgement", outcome="achieved")


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_history(
    northfield, amira, farah, client_for, django_assert_max_num_queries
):
    rec = RecommendationFactory(
        partnership=northfield.partnership, title="Embed the tool", source="audit", accepted=True
    )
    _grow(northfield, amira, rec, 1)
    action = Action.unscoped.filter(recommendation=rec).first()
    item = LearningItem.unscoped.filter(recommendations=rec).first()
    pages = [
        northfield.url("actions/plans/"),
        northfield.url(f"actions/plans/{rec.pk}/"),
        northfield.url(f"actions/{action.pk}/thread/"),
        northfield.url(f"actions/from-learning/{item.pk}/"),
        northfield.url(f"actions/{action.pk}/"),
        "/api/v1/actions/",
        f"/api/v1/actions/{action.pk}/thread",
    ]
    for person in (amira, farah):  # the business unit, and an agency lead
        client = client_for(person)
        _queries(client, pages[0])  # warm up: the first request of a session does more
        before = [_queries(client, url) for url in pages]
        other = RecommendationFactory(
            partnership=northfield.partnership,
            title=f"More for {person}",
            source="audit",
            accepted=True,
        )
        _grow(northfield, amira, rec, 6)
        _grow(northfield, amira, other, 6)
        after = [_queries(client, url) for url in pages]
        assert after == before, list(zip(pages, before, after, strict=True))
        for url, count in zip(pages, before, strict=True):
            with django_assert_max_num_queries(count):
                client.get(url)
