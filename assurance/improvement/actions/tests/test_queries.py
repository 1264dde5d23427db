"""The action plan, golden-thread and learning-thread pages make the same number of queries
however much history lies behind them (more learning, decisions, updates, evidence, actions)."""

import itertools
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
)
from assurance.improvement.learning.models import LearningItem, LearningTheme, Recommendation
from assurance.improvement.meetings.models import Decision, Meeting
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
        item = LearningItem.unscoped.create(
            partnership=p,
            title=f"Learning {i}",
            what_was_learned="What we learned.",
            source="audit",
            learned_on=END - timedelta(days=i),
        )
        item.recommendations.add(rec)
        theme = LearningTheme.unscoped.create(partnership=p, title=f"Theme {i}")
        theme.recommendations.add(rec)
        theme.items.add(item)
        meeting = Meeting.unscoped.create(partnership=p, group=group, held_on=END - timedelta(i))
        Decision.unscoped.create(
            partnership=p,
            meeting=meeting,
            recommendation=rec,
            outcome="accept",
            reasons="Agreed.",
            quorate=bool(i % 2),
            quorum_explanation="Terms.",
        )
        action = Action.unscoped.create(
            partnership=p,
            recommendation=rec,
            title=f"Action {i}",
            owner_agency=[northfield.council, northfield.police][i % 2],
            due_date=END + timedelta(days=i),
            measure_kind="described",
            measure="Tested.",
            state="complete" if i % 2 else "open",
            completed_at=END if i % 2 else None,
        )
        ActionUpdate.unscoped.create(
            partnership=p, action=action, rag="green", text="On course.", recorded_by=amira
        )
        ActionEvidence.unscoped.create(
            partnership=p, action=action, description="Register", link="/p/x/", added_by=amira
        )
        ImpactAssessment.unscoped.create(
            partnership=p, action=action, method="judgement", outcome="achieved", summary="Yes."
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_history(
    northfield, amira, farah, client_for, django_assert_max_num_queries
):
    rec = Recommendation.unscoped.create(
        partnership=northfield.partnership,
        title="Embed the tool",
        text="Why.",
        source="audit",
        status="accepted",
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
        other = Recommendation.unscoped.create(
            partnership=northfield.partnership,
            title=f"More for {person}",
            text="Why.",
            source="audit",
            status="accepted",
        )
        _grow(northfield, amira, rec, 6)
        _grow(northfield, amira, other, 6)
        after = [_queries(client, url) for url in pages]
        assert after == before, list(zip(pages, before, after, strict=True))
        for url, count in zip(pages, before, strict=True):
            with django_assert_max_num_queries(count):
                client.get(url)
