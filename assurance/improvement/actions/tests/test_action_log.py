"""The action log: an audit's recommendation (through the learning cycle) becomes actions;
the log shows its computed status and filters by status, owner agency and due date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assurance.improvement.actions import services as action_services
from assurance.improvement.actions.models import Action, MeasureKind
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.improvement.learning import services as learning_services
from assurance.improvement.learning.models import LearningSource, Recommendation
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def test_a_recommendation_becomes_an_action_in_the_log(audit, northfield, amira, client_for):
    """Learning from the audit → the ARG's recommendation → accepted → two actions in its plan."""
    today = timezone.localdate()
    actor = actor_for_person(amira)
    learning = learning_services.learning_item_create(
        actor=actor,
        title="The neglect tool is rarely used",
        what_was_learned="Few agencies used the tool at the start.",
        source=LearningSource.AUDIT,
        learned_on=today,
        audit=audit,
    )
    recommendation = learning_services.learning_recommendation_create(
        actor=actor, title="Embed the neglect tool", text="Use it.", learning_items=[learning]
    )
    Recommendation.unscoped.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.ACCEPTED
    )
    recommendation.refresh_from_db()
    for title, agency, due, measure in [
        ("Use the neglect tool", northfield.council, today - timedelta(days=1), "Re-audit 2.2"),
        (
            "Brief practitioners on escalation",
            northfield.police,
            today + timedelta(days=90),
            "200 practitioners briefed",
        ),
    ]:
        action_services.action_plan_add(
            actor=actor,
            recommendation=recommendation,
            title=title,
            owner_agency=agency,
            due_date=due,
            measure=measure,
            measure_kind=MeasureKind.DESCRIBED,
        )
    action = Action.unscoped.get(title="Use the neglect tool")
    assert action.recommendation.audit == audit
    client = client_for(amira)
    page = client.get(northfield.url("actions/")).content.decode()
    assert "Use the neglect tool" in page and "Overdue" in page and "Not started" in page
    overdue = client.get(northfield.url("actions/?status=overdue")).content.decode()
    assert "Use the neglect tool" in overdue and "Brief practitioners" not in overdue
    police = client.get(northfield.url(f"actions/?agency={northfield.police.pk}")).content
    assert b"Brief practitioners" in police and b"Use the neglect tool" not in police
    detail = client.get(northfield.url(f"actions/{action.pk}/")).content.decode()
    assert "Neglect deep dive" in detail


def test_a_long_log_is_paged_keeping_its_filters(northfield, amira, client_for):
    """Amira's log of 60 council actions shows 50 on a page, with GOV.UK pagination that keeps
    the filter; the count and the status summary speak for the whole log."""
    today = timezone.localdate()
    Action.unscoped.bulk_create(
        ActionFactory.build(
            partnership=northfield.partnership,
            title=f"Action {n:02d}",
            owner_agency=northfield.council,
            due_date=today + timedelta(days=n + 60),
        )
        for n in range(60)
    )
    client = client_for(amira)
    agency = f"agency={northfield.council.pk}"
    first = client.get(northfield.url(f"actions/?{agency}"))
    html = first.content.decode()
    assert "60 actions" in html and "1 to 50, page 1 of 2" in html
    assert "Action 00" in html and "Action 49" in html and "Action 50" not in html
    assert "<strong>60</strong> not started" in html
    assert f'href="?{agency}&amp;page=2" rel="next"' in html
    second = client.get(northfield.url(f"actions/?{agency}&page=2")).content.decode()
    assert "Action 50" in second and "Action 59" in second and "Action 49" not in second
    assert "51 to 60, page 2 of 2" in second and 'rel="prev"' in second
    beyond = client.get(northfield.url(f"actions/?{agency}&page=9")).content.decode()
    assert "Action 59" in beyond, "a page past the end shows the last page"
