"""The action log: an audit's recommendation becomes an action; the log shows its computed
status and filters by status, owner agency and due date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assurance.audits import services as audit_services
from assurance.audits.tests.conftest import actor_of
from assurance.improvement.models import Action, MeasureKind

pytestmark = pytest.mark.django_db


def test_a_recommendation_becomes_an_action_in_the_log(audit, northfield, amira, client_for):
    today = timezone.localdate()
    audit_services.audit_recommendation_add(
        actor=actor_of(amira),
        audit=audit,
        title="Use the neglect tool",
        text="Use it at the start.",
        owner_agency=northfield.council,
        due_date=today - timedelta(days=1),
        measure="Re-audit 2.2 at 75%",
        measure_kind=MeasureKind.REAUDIT,
    )
    audit_services.audit_recommendation_add(
        actor=actor_of(amira),
        audit=audit,
        title="Brief practitioners on escalation",
        text="Briefing.",
        owner_agency=northfield.police,
        due_date=today + timedelta(days=90),
        measure="200 practitioners briefed",
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
