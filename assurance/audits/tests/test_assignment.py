"""Assigning auditors to all of an agency's returns in an audit from one page. Helen leads the
police: she assigns her agency's returns only, to police auditors only, in one go; the business
unit sees on the audit's page which agencies still have returns without an auditor."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from assurance.audits import assignment
from assurance.audits.models import AgencyReturn, AuditStatus, ReturnStatus
from assurance.audits.services import AuditRuleError
from assurance.audits.tests.factories import add_case
from assurance.core.roles import Role
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_cases(audit, northfield, amira):
    audit.status = AuditStatus.SAMPLING
    audit.save()
    cases = [add_case(audit, northfield, amira) for _ in range(3)]
    return [AgencyReturn.unscoped.get(case=c, agency=northfield.police) for c in cases]


@pytest.fixture
def omar(northfield):
    """omar: a second police auditor."""
    return PersonFactory(
        partnership=northfield.partnership,
        agency=northfield.police,
        full_name="Omar Okafor",
        email="omar@northfield.test",
        roles=[Role.AUDITOR],
    )


def _url(audit, agency):
    return f"/p/northfield/audits/{audit.pk}/agencies/{agency.pk}/assign/"


def test_the_lead_assigns_one_auditor_to_every_case_on_one_page(
    audit, northfield, helen, priya, three_cases, client_for
):
    response = client_for(helen).post(_url(audit, northfield.police), {"everyone": priya.pk})
    assert response.status_code == 302
    for agency_return in three_cases:
        assert list(agency_return.auditors.all()) == [priya]
    # One e-mail naming the three cases, not three e-mails.
    assert [m.to for m in mail.outbox] == [["priya@northfield.test"]]
    assert all(r.case.reference in mail.outbox[0].body for r in three_cases)
    # The history says who assigned.
    latest = three_cases[0].history.order_by("-history_date").first()
    assert latest.history_user == helen.user


def test_a_person_chosen_for_a_case_wins_over_the_one_for_every_case(
    audit, northfield, helen, priya, omar, three_cases, client_for
):
    first, second, third = three_cases
    client_for(helen).post(
        _url(audit, northfield.police),
        {"everyone": priya.pk, f"return_{second.pk}": omar.pk},
    )
    assert list(first.auditors.all()) == [priya]
    assert list(second.auditors.all()) == [omar]
    assert list(third.auditors.all()) == [priya]


def test_every_case_leaves_already_assigned_cases_alone(
    audit, northfield, helen, priya, omar, three_cases, client_for
):
    three_cases[0].auditors.add(omar)
    client_for(helen).post(_url(audit, northfield.police), {"everyone": priya.pk})
    assert list(three_cases[0].auditors.all()) == [omar]
    assert list(three_cases[1].auditors.all()) == [priya]


def test_nothing_chosen_is_a_clear_error(audit, northfield, helen, three_cases, client_for):
    response = client_for(helen).post(_url(audit, northfield.police), {})
    assert response.status_code == 200
    assert "Choose one auditor for every case without one" in response.content.decode()


def test_a_lead_cannot_open_another_agencys_assignment(
    audit, northfield, joanna, three_cases, client_for
):
    assert client_for(joanna).get(_url(audit, northfield.police)).status_code == 404
    assert client_for(joanna).get(_url(audit, northfield.health)).status_code == 200


def test_the_service_refuses_another_agencys_person_and_changes_nothing(
    audit, northfield, helen, priya, kwame, three_cases
):
    first, second, _ = three_cases
    with pytest.raises(AuditRuleError, match="Kwame Asante is not an auditor of"):
        assignment.returns_assign(
            actor=actor_for_person(helen),
            audit=audit,
            agency=northfield.police,
            auditors={first.pk: [priya], second.pk: [kwame]},
            due_date=None,
            base_url="",
        )
    assert not first.auditors.exists() and not second.auditors.exists()
    assert mail.outbox == []


def test_the_service_refuses_a_lead_of_another_agency(
    audit, northfield, joanna, priya, three_cases
):
    with pytest.raises(PermissionDenied):
        assignment.returns_assign(
            actor=actor_for_person(joanna),
            audit=audit,
            agency=northfield.police,
            auditors={three_cases[0].pk: [priya]},
            due_date=None,
            base_url="",
        )


def test_the_service_refuses_a_return_of_another_agency(
    audit, northfield, helen, priya, three_cases
):
    health_return = AgencyReturn.unscoped.get(case=three_cases[0].case, agency=northfield.health)
    with pytest.raises(AuditRuleError, match="is not one of"):
        assignment.returns_assign(
            actor=actor_for_person(helen),
            audit=audit,
            agency=northfield.police,
            auditors={health_return.pk: [priya]},
            due_date=None,
            base_url="",
        )


def test_submitted_returns_are_listed_not_offered(
    audit, northfield, helen, three_cases, client_for
):
    submitted = three_cases[0]
    submitted.status = ReturnStatus.SUBMITTED
    submitted.save()
    page = client_for(helen).get(_url(audit, northfield.police)).content.decode()
    assert f'name="return_{submitted.pk}"' not in page
    assert f'name="return_{three_cases[1].pk}"' in page
    assert "1 of 3 returns have been submitted" in page


def test_the_audit_page_says_who_still_has_to_assign(
    audit, northfield, amira, helen, priya, three_cases, client_for
):
    for agency_return in three_cases:
        agency_return.auditors.add(priya)
    page = client_for(amira).get(f"/p/northfield/audits/{audit.pk}/").content.decode()
    block = page[page.index('id="still-to-assign"') :]
    block = block[: block.index("</div>")]
    assert "Health" in block or northfield.health.name in block
    assert northfield.police.name not in block
    assert _url(audit, northfield.health) in block  # the business unit may assign for anyone


def test_the_lead_sees_a_link_for_their_own_agency_only(
    audit, northfield, helen, three_cases, client_for
):
    page = client_for(helen).get(f"/p/northfield/audits/{audit.pk}/").content.decode()
    assert _url(audit, northfield.police) in page
    assert _url(audit, northfield.health) not in page


def test_the_leads_to_do_goes_straight_to_the_page(audit, northfield, helen, three_cases):
    from assurance.audits.todos import audit_todos

    todos = audit_todos(actor_for_person(helen))
    assign = next(t for t in todos if "Assign" in t.text)
    assert assign.href == _url(audit, northfield.police)
    assert assign.count == 3
