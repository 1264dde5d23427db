"""One path for an audit's recommendations: the findings lead to learning, the Assurance and
Review Group recommends from it, and the audit shows what the learning cycle made of it (the
old "add a recommendation and its action" shortcut skipped the decision: it now leads there)."""

import pytest
from django.utils import timezone

from assurance.audits.selectors import audit_facts
from assurance.core.registry import follow_ups_for
from assurance.improvement.learning import services
from assurance.improvement.learning.models import LearningSource, Recommendation
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def test_the_old_shortcut_leads_to_recording_the_audits_learning(
    audit, northfield, amira, client_for
):
    response = client_for(amira).get(northfield.url(f"audits/{audit.pk}/recommendations/new/"))
    assert response.status_code == 302
    assert response["Location"] == northfield.url(f"learning/new/?audit={audit.pk}")


def test_a_recommendation_from_the_audits_learning_is_the_audits_follow_up(
    audit, northfield, amira, client_for
):
    actor = actor_for_person(amira)
    assert audit_facts(audit=audit).recommendation_count == 0
    item = services.learning_item_create(
        actor=actor,
        title="Plans that stall are not escalated",
        what_was_learned="No agency used the escalation procedure.",
        source=LearningSource.AUDIT,
        learned_on=timezone.localdate(),
        audit=audit,
    )
    recommendation = services.learning_recommendation_create(
        actor=actor,
        title="Relaunch the escalation procedure",
        text="With a briefing for practitioners.",
        learning_items=[item],
    )
    assert recommendation.audit == audit
    assert recommendation.status == Recommendation.Status.PROPOSED  # the executive decides
    [follow_up] = follow_ups_for(audit)
    assert follow_up.title == "Relaunch the escalation procedure"
    assert follow_up.status == "Awaiting decision" and follow_up.actions == ()
    assert audit_facts(audit=audit).recommendation_count == 1
    page = client_for(amira).get(northfield.url(f"audits/{audit.pk}/")).content.decode()
    assert "Relaunch the escalation procedure</a> (awaiting decision)" in page
    assert northfield.url(f"recommendations/{recommendation.pk}/") in page
    assert f'learning/new/?audit={audit.pk}">Record learning from this audit' in page
