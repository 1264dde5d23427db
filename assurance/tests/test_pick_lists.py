"""Pick-lists that fit: the independent scrutiny body is never offered as an agency that audits,
owns an action or is challenged; "To whom" lists the people of the agencies that may be
challenged, grouped by agency; "Audit standard" lists only the chosen audit's tool's standards,
grouped by tool and section."""

from __future__ import annotations

import pytest

from assurance.audits.forms import AuditForm
from assurance.audits.tests.factories import AuditFactory, neglect_deep_dive
from assurance.frameworks.models import Item
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.improvement.actions.forms import ActionForm
from assurance.improvement.learning.forms import LearningItemForm
from assurance.improvement.scrutiny.forms import ChallengeForm
from assurance.partnerships.models import AgencyKind
from assurance.partnerships.tests.factories import AgencyFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scrutiny(northfield):
    """The independent scrutiny body, with its scrutineer."""
    body = AgencyFactory(
        partnership=northfield.partnership, name="Independent Scrutiny", kind=AgencyKind.SCRUTINY
    )
    PersonFactory(partnership=northfield.partnership, agency=body, full_name="Sam Scrutton")
    return body


def _names(field) -> list[str]:
    return [str(label) for _, label in field.choices]


def test_the_scrutiny_body_is_not_offered_as_an_audit_agency(northfield, scrutiny):
    form = AuditForm(partnership=northfield.partnership)
    agencies = set(form.fields["agencies"].queryset)
    assert scrutiny not in agencies and northfield.police in agencies


def test_the_scrutiny_body_is_not_offered_as_an_action_owner(northfield, scrutiny):
    form = ActionForm(partnership=northfield.partnership)
    owners = set(form.fields["owner_agency"].queryset)
    assert scrutiny not in owners and northfield.police in owners


def test_a_challenge_goes_to_agencies_and_their_people_grouped_by_agency(
    northfield, scrutiny, helen, priya, kwame
):
    form = ChallengeForm(partnership=northfield.partnership)
    assert scrutiny not in set(form.fields["agency"].queryset)
    groups = dict(form.fields["person"].choices[1:])
    assert scrutiny.name not in groups
    police = [label for _, label in groups[northfield.police.name]]
    assert police == sorted([helen.full_name, priya.full_name])
    assert kwame.full_name not in police
    assert "Sam Scrutton" not in str(form.fields["person"].choices)


def test_to_whom_must_work_for_the_agency_challenged(northfield, helen):
    form = ChallengeForm(
        {
            "agency": northfield.health.pk,
            "person": helen.pk,
            "subject": "Timeliness",
            "detail": "Why are strategy discussions late?",
            "respond_by": "2026-12-01",
        },
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert "works for" in str(form.errors["person"])


def test_the_audit_standard_lists_only_the_chosen_audits_tool(northfield, amira):
    tool = NeglectAuditToolFactory(partnership=northfield.partnership)
    other = NeglectAuditToolFactory(partnership=northfield.partnership, name="Another tool")
    audit = neglect_deep_dive(northfield, tool=tool, lead=amira)
    AuditFactory(partnership=northfield.partnership, title="Another audit", framework=other)

    everything = LearningItemForm(partnership=northfield.partnership)
    groups = [group for group, _ in everything.fields["standard"].choices[1:]]
    assert any(g.startswith(tool.name) for g in groups)
    assert any(g.startswith("Another tool") for g in groups)

    chosen = LearningItemForm(partnership=northfield.partnership, initial={"audit": audit.pk})
    standards = set(chosen.fields["standard"].queryset)
    assert standards == set(Item.objects.filter(section__framework=tool))
    groups = [group for group, _ in chosen.fields["standard"].choices[1:]]
    assert groups and all(g.startswith(f"{tool.name}: ") for g in groups)
