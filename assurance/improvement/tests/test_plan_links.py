"""From a decision to the action plan: an accepted recommendation's page leads to its plan (and,
for the business unit, to adding an action), and the action form starts a re-audit measure from
the audit and standard the learning came from."""

from datetime import date

import pytest

from assurance.audits.models import AuditStatus
from assurance.frameworks.models import Item
from assurance.improvement.actions.selectors import reaudit_baseline
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    RecommendationFactory,
)
from assurance.improvement.meetings import selectors as meeting_selectors
from assurance.improvement.meetings import services as meeting_services
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rec(northfield):
    return RecommendationFactory(
        partnership=northfield.partnership,
        title="Check the neglect tool in supervision",
        text="Team managers check the tool was used.",
    )


def _learning(northfield, rec, audit, standard, title="Tool not used"):
    return LearningItemFactory(
        partnership=northfield.partnership,
        title=title,
        what_was_learned="The tool was not used at the start.",
        source="audit",
        learned_on=date(2026, 7, 1),
        audit=audit,
        standard=standard,
        recommendations=[rec],
    )


def test_an_accepted_recommendation_leads_to_its_action_plan(
    northfield, amira, farah, rec, client_for
):
    url = northfield.url(f"recommendations/{rec.pk}/")
    plan = northfield.url(f"actions/plans/{rec.pk}/")
    page = client_for(amira).get(url).content.decode()
    assert "Add an action to the plan" not in page and plan not in page
    assert "Actions are planned once the executive accepts the recommendation." in page
    rec.status = Recommendation.Status.ACCEPTED
    rec.save()
    page = client_for(amira).get(url).content.decode()
    assert f'href="{plan}add/"' in page and "Add an action to the plan" in page
    assert f'href="{plan}"' in page and "The action plan" in page
    # An agency lead reads the plan but does not add to it.
    page = client_for(farah).get(url).content.decode()
    assert f'href="{plan}"' in page and "Add an action to the plan" not in page


def test_the_action_form_starts_from_the_audit_and_standard_of_the_learning(
    audit, northfield, amira, rec, client_for
):
    standard = Item.objects.get(section__framework=audit.framework, code="2.2")
    other = Item.objects.filter(section__framework=audit.framework).exclude(pk=standard.pk)[0]
    rec.status = Recommendation.Status.ACCEPTED
    rec.save()
    _learning(northfield, rec, audit, standard)
    # Only a closed audit can be a baseline.
    assert reaudit_baseline(recommendation=rec) == {}
    audit.status = AuditStatus.CLOSED
    audit.save()
    assert reaudit_baseline(recommendation=rec) == {
        "baseline_audit": audit.pk,
        "standard": standard.pk,
    }
    form = client_for(amira).get(northfield.url(f"actions/plans/{rec.pk}/add/")).content.decode()
    assert f'<option value="{audit.pk}" selected>' in form
    assert f'<option value="{standard.pk}" selected>' in form
    # Learning about two standards: the business unit chooses.
    _learning(northfield, rec, audit, other, title="Plans not SMART")
    assert reaudit_baseline(recommendation=rec) == {}


def test_a_recommendation_recorded_after_the_group_made_it_keeps_its_date(
    northfield, amira, client_for
):
    item = LearningItemFactory(
        partnership=northfield.partnership,
        title="Chronologies late",
        what_was_learned="Chronologies arrive at the meeting.",
        source="review",
        learned_on=date(2025, 11, 1),
    )
    client = client_for(amira)
    url = northfield.url("recommendations/new/")
    values = {
        "title": "Share chronologies first",
        "text": "A day before.",
        "learning_items": item.pk,
    }
    page = client.post(url, {**values, "made_on": "2999-01-01"})
    assert "The date the recommendation was made must be in the past" in page.content.decode()
    assert client.post(url, {**values, "made_on": "2025-11-20"}).status_code == 302
    rec = Recommendation.unscoped.get(title="Share chronologies first")
    assert rec.created_at.date() == date(2025, 11, 20)
    assert (
        "Made on 20 November 2025."
        in client.get(northfield.url(f"recommendations/{rec.pk}/")).content.decode()
    )
    # An executive meeting held since then has it on the agenda; one held before does not.
    group = GroupFactory(
        partnership=northfield.partnership,
        name="Executive",
        short_name="Exec",
        decision_making=True,
    )

    def on_agenda(held_on: date) -> bool:
        meeting = meeting_services.meeting_create(
            actor=actor_for_person(amira), group=group, held_on=held_on
        )
        candidates = meeting_selectors.agenda_candidates(meeting=meeting)
        return any(c.kind == "recommendation" and c.key == rec.pk for c in candidates)

    assert on_agenda(date(2025, 12, 1)) and not on_agenda(date(2025, 11, 1))
