"""The independent scrutineer's home page: what is due for their review (challenges awaiting an
answer, decisions taken without a quorum, overdue actions, audits closed since their last
visit), read through each capability's scoped selectors (``core.registry.register_review``).

Corinne is Northfield's scrutineer; amira its business unit; tamsin Southvale's."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from assurance.audits.models import Audit, AuditStatus
from assurance.audits.tests.factories import AuditFactory
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.improvement.learning.tests.factories import RecommendationFactory
from assurance.improvement.meetings.models import Decision, DecisionOutcome
from assurance.improvement.meetings.tests.factories import DecisionFactory, MeetingFactory
from assurance.improvement.scrutiny.models import ChallengeStatus
from assurance.improvement.scrutiny.tests.factories import ChallengeFactory
from assurance.partnerships.models import HomeVisit, Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant

HOME = "/p/northfield/"


def _due(tenant: Tenant, scrutineer: Person) -> None:
    p = tenant.partnership
    today = timezone.localdate()
    ChallengeFactory(
        partnership=p,
        raised_by=scrutineer,
        agency=tenant.police,
        subject="Why are strategy discussions late?",
        raised_on=today - timedelta(days=30),
        respond_by=today - timedelta(days=2),
    )
    ChallengeFactory(partnership=p, raised_by=scrutineer, agency=tenant.health, subject="GP input")
    ChallengeFactory(
        partnership=p,
        raised_by=scrutineer,
        agency=tenant.council,
        subject="Closed one",
        status=ChallengeStatus.CLOSED,
    )
    meeting = MeetingFactory(group=GroupFactory(partnership=p, name="Executive"))
    DecisionFactory(
        meeting=meeting,
        recommendation=RecommendationFactory(partnership=p, title="Adopt the neglect toolkit"),
        quorate=False,
        quorum_explanation="Health was not represented.",
    )
    DecisionFactory(
        meeting=meeting,
        recommendation=RecommendationFactory(partnership=p, title="A quorate decision"),
    )
    ActionFactory(
        partnership=p,
        title="Audit strategy discussions",
        owner_agency=tenant.police,
        due_date=today - timedelta(days=10),
    )
    ActionFactory(partnership=p, title="Not yet due", owner_agency=tenant.police)


def test_the_scrutineer_sees_what_is_due_for_review(
    northfield: Tenant, corinne: Person, client_for: Any
) -> None:
    _due(northfield, corinne)
    page = client_for(corinne).get(HOME).content.decode()
    assert "Due for your review" in page
    assert "Challenges awaiting an answer (2)" in page
    assert "Why are strategy discussions late?" in page and "Answer overdue" in page
    assert "Closed one" not in page
    assert "Decisions taken without a quorum in the last 90 days (1)" in page
    assert f"{DecisionOutcome.ACCEPT.label}: Adopt the neglect toolkit" in page
    assert "A quorate decision" not in page
    assert "Overdue actions (1)" in page and "Audit strategy discussions" in page
    assert "Not yet due" not in page
    assert "This is your first visit" in page


def test_an_empty_section_says_so(northfield: Tenant, corinne: Person, client_for: Any) -> None:
    page = client_for(corinne).get(HOME).content.decode()
    assert "Every challenge has been answered." in page
    assert "No action is overdue." in page


def test_audits_closed_since_the_last_visit(
    northfield: Tenant, corinne: Person, client_for: Any
) -> None:
    client = client_for(corinne)
    earlier = AuditFactory(
        partnership=northfield.partnership, title="Closed last month", status=AuditStatus.CLOSED
    )
    Audit.history.filter(id=earlier.pk).update(history_date=timezone.now() - timedelta(days=30))
    first = client.get(HOME).content.decode()
    assert "Audits closed in the last 90 days (1)" in first and "Closed last month" in first
    # Corinne comes back a day later; an audit closed in between.
    yesterday = timezone.now() - timedelta(days=1)
    HomeVisit.unscoped.filter(person=corinne).update(started_at=yesterday, last_seen_at=yesterday)
    AuditFactory(
        partnership=northfield.partnership, title="Closed today", status=AuditStatus.CLOSED
    )
    AuditFactory(partnership=northfield.partnership, title="Still open")
    page = client.get(HOME).content.decode()
    assert "Audits closed since your last visit (1)" in page
    assert "Closed today" in page
    assert "Closed last month" not in page and "Still open" not in page
    assert "what changed since your last visit" in page
    # Looking again within the visit keeps the same list.
    assert "Closed today" in client.get(HOME).content.decode()


def test_decisions_taken_without_a_quorum_since_the_last_visit(
    northfield: Tenant, corinne: Person, client_for: Any
) -> None:
    """As audits closed: an inquorate decision is an event, listed once it is new to the
    scrutineer (the last 90 days on a first visit), not for ever."""
    p = northfield.partnership
    meeting = MeetingFactory(group=GroupFactory(partnership=p, name="Executive"))

    def inquorate(title: str, days_ago: int) -> None:
        decision = DecisionFactory(
            meeting=meeting,
            recommendation=RecommendationFactory(partnership=p, title=title),
            quorate=False,
            quorum_explanation="Health was not represented.",
        )
        when = timezone.now() - timedelta(days=days_ago)
        Decision.unscoped.filter(pk=decision.pk).update(recorded_at=when)

    inquorate("Taken last month", 30)
    inquorate("Taken last winter", 200)
    client = client_for(corinne)
    first = client.get(HOME).content.decode()
    assert "Decisions taken without a quorum in the last 90 days (1)" in first
    assert "Taken last month" in first and "Taken last winter" not in first
    # Corinne comes back a day later; a decision was taken without a quorum in between.
    yesterday = timezone.now() - timedelta(days=1)
    HomeVisit.unscoped.filter(person=corinne).update(started_at=yesterday, last_seen_at=yesterday)
    inquorate("Taken this morning", 0)
    page = client.get(HOME).content.decode()
    assert "Decisions taken without a quorum since your last visit (1)" in page
    assert "Taken this morning" in page and "Taken last month" not in page
    # Looking again within the visit keeps the same list; the next visit empties it.
    assert "Taken this morning" in client.get(HOME).content.decode()
    later = timezone.now() + timedelta(hours=5)
    HomeVisit.unscoped.filter(person=corinne).update(since=later, last_seen_at=later)
    assert "No decision has been taken without a quorum since your last visit." in (
        client.get(HOME).content.decode()
    )


def test_the_business_unit_keeps_its_to_do_list_only(
    northfield: Tenant, corinne: Person, amira: Person, client_for: Any
) -> None:
    _due(northfield, corinne)
    page = client_for(amira).get(HOME).content.decode()
    assert "Due for your review" not in page
    assert "Your to-do list" in page
    assert not HomeVisit.unscoped.filter(person=amira).exists()


def test_another_partnership_s_records_are_not_due(
    northfield: Tenant, southvale: Tenant, corinne: Person, tamsin: Person, client_for: Any
) -> None:
    _due(southvale, tamsin)
    page = client_for(corinne).get(HOME).content.decode()
    assert "Why are strategy discussions late?" not in page
    assert "Challenges awaiting an answer (0)" in page
