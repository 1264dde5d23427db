"""The demo's action plans: every status, one thread closed with measured impact; idempotent."""

import pytest

from assurance.core.registry import demo_loaders
from assurance.improvement.action_demo import CLOSED_TITLE, load_demo_actions
from assurance.improvement.models import Action, ImpactAssessment
from assurance.improvement.selectors import action_status_of
from assurance.partnerships.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def action_demo(db):
    """The other capabilities' demo (audits included), then the action plans: independent of
    the learning cycle's own demo records."""
    for loader in demo_loaders():
        if not loader.__module__.startswith("assurance.improvement"):
            loader(None)
    load_demo_actions()


def test_the_demo_has_actions_in_every_status_and_a_closed_thread(action_demo, client_for):
    actions = Action.unscoped.filter(partnership__slug="northfield")
    statuses = {action_status_of(a)[0] for a in actions}
    assert {"not_started", "on_track", "at_risk", "overdue", "complete"} <= statuses
    closed = actions.get(recommendation__title=CLOSED_TITLE)
    impact = ImpactAssessment.unscoped.get(action=closed)
    assert impact.method == "reaudit" and impact.outcome == "achieved"
    assert impact.figures["p_value"] < 0.05
    scrutineer = Person.unscoped.get(email="scrutineer@northfield.example")
    page = client_for(scrutineer).get(f"/p/northfield/actions/{closed.pk}/thread/")
    body = page.content.decode()
    assert "Neglect deep dive 2025/26" in body and "The standard improved" in body
    count = actions.count()
    load_demo_actions()
    assert Action.unscoped.filter(partnership__slug="northfield").count() == count
