"""The demo's action plans: every status, and one golden thread closed with measured impact,
from the audit finding through the learning item and the executive's decision; idempotent."""

import pytest

from assurance.improvement.actions.demo import closed_thread_action, load_demo_actions
from assurance.improvement.actions.models import Action, ImpactAssessment
from assurance.improvement.actions.selectors import action_status_of
from assurance.improvement.learning.models import LearningItem
from assurance.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_has_actions_in_every_status_and_a_closed_thread(demo, demo_user, client_for):
    actions = Action.unscoped.filter(partnership__slug="northfield")
    statuses = {action_status_of(a)[0] for a in actions}
    assert {"not_started", "on_track", "at_risk", "overdue", "complete"} <= statuses
    closed = closed_thread_action(Partnership.unscoped.get(slug="northfield"))
    # An inspector reads the updates and evidence as entered before the action was completed.
    for record in [*closed.updates.all(), *closed.evidence.all()]:
        entered = getattr(record, "recorded_at", None) or record.added_at
        assert entered.date() <= closed.completed_at, record
    impact = ImpactAssessment.unscoped.get(action=closed)
    assert impact.method == "reaudit" and impact.outcome == "achieved"
    assert impact.figures["p_value"] < 0.05
    page = client_for(demo_user("scrutineer")).get(f"/p/northfield/actions/{closed.pk}/thread/")
    body = page.content.decode()
    assert "Neglect deep dive 2025/26" in body and "The standard improved" in body
    # The thread runs back through the learning cycle: the learning item and the decision.
    assert "The neglect assessment tool is rarely used at the start" in body
    assert "Decision of" in body and "Accept" in body
    # The drift action is measured by an indicator: the partnership's own published values.
    drift = actions.get(
        recommendation__audit__title="Neglect deep dive 2025/26", indicator__code="CSC-CPP-2Y"
    )
    measured = ImpactAssessment.unscoped.get(action=drift)
    assert measured.method == "indicator" and measured.outcome != "not_yet"
    assert measured.figures["source"] == "the partnership's own published values"
    # From the learning item, what happened because of it: the action, and what it achieved.
    item = LearningItem.unscoped.get(
        partnership__slug="northfield",
        title="The neglect assessment tool is rarely used at the start",
    )
    body = (
        client_for(demo_user("scrutineer"))
        .get(f"/p/northfield/actions/from-learning/{item.pk}/")
        .content.decode()
    )
    assert closed.title in body and "Achieved" in body and "Decision of" in body
    count = actions.count()
    load_demo_actions()
    assert Action.unscoped.filter(partnership__slug="northfield").count() == count
