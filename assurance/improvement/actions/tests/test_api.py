"""The actions API: the log with filters, and an action's golden thread, through the same
permission layer as the pages; both in the OpenAPI schema."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from assurance.improvement.actions import services
from assurance.improvement.actions.models import Action, MeasureKind
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.learning.tests.factories import RecommendationFactory
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def _api(person):
    client = APIClient()
    client.force_authenticate(person.user)
    return client


@pytest.fixture
def actions(northfield, amira):
    recommendation = RecommendationFactory(
        partnership=northfield.partnership,
        title="Embed the neglect tool",
        source=Recommendation.Source.AUDIT,
        accepted=True,
    )
    today = timezone.localdate()
    made = []
    for title, agency, due in [
        ("Overdue council work", northfield.council, today - timedelta(days=5)),
        ("Police briefing", northfield.police, today + timedelta(days=100)),
    ]:
        made.append(
            services.action_plan_add(
                actor=actor_for_person(amira),
                recommendation=recommendation,
                title=title,
                owner_agency=agency,
                due_date=due,
                delivery_type="training",
                measure_kind=MeasureKind.DESCRIBED,
                measure="Checked",
            )
        )
    return made


def test_the_action_list_filters(northfield, amira, tamsin, actions):
    client = _api(amira)
    rows = client.get("/api/v1/actions/").json()
    assert {r["title"] for r in rows} == {"Overdue council work", "Police briefing"}
    overdue = client.get("/api/v1/actions/?status=overdue").json()
    assert [r["title"] for r in overdue] == ["Overdue council work"]
    police = client.get(f"/api/v1/actions/?owner_agency={northfield.police.pk}").json()
    assert [r["title"] for r in police] == ["Police briefing"]
    soon = timezone.localdate().isoformat()
    assert [r["title"] for r in client.get(f"/api/v1/actions/?due_before={soon}").json()] == [
        "Overdue council work"
    ]
    assert [r["title"] for r in client.get(f"/api/v1/actions/?due_after={soon}").json()] == [
        "Police briefing"
    ]
    assert client.get("/api/v1/actions/?due_after=tomorrow").status_code == 400
    assert client.get("/api/v1/actions/?status=late").status_code == 400
    # Another partnership's business unit sees none of Northfield's actions.
    assert _api(tamsin).get("/api/v1/actions/").json() == []


def test_the_thread_as_json(northfield, amira, tamsin, dev, actions):
    action = actions[0]
    services.progress_update_add(
        actor=actor_for_person(amira), action=action, rag="red", text="Late"
    )
    body = _api(amira).get(f"/api/v1/actions/{action.pk}/thread").json()
    assert body["action"]["status"] == "overdue"
    assert body["recommendation"]["title"] == "Embed the neglect tool"
    assert body["updates"][0]["text"] == "Late" and body["closed"] is False
    assert _api(tamsin).get(f"/api/v1/actions/{action.pk}/thread").status_code == 404
    assert _api(dev).get(f"/api/v1/actions/{action.pk}/thread").status_code == 403  # a viewer


def test_both_are_in_the_openapi_schema(amira):
    schema = _api(amira).get("/api/v1/openapi.json").json()
    assert "/api/v1/actions/" in schema["paths"]
    assert "/api/v1/actions/{id}/thread" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/actions/"]["get"]["parameters"]}
    assert {"status", "owner_agency", "due_before", "due_after"} <= params
    assert Action.unscoped.count() == 0
