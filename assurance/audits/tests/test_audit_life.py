"""An audit's life through the services and the pages, with the rules the issue names."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from assurance.audits import sample, selectors, services
from assurance.audits.models import (
    AgencyReturn,
    AuditStatus,
    IdentifierFlag,
    RecordNumberViewing,
    ReturnStatus,
)
from assurance.audits.services import AuditRuleError
from assurance.audits.tests.factories import add_case, answers_for, return_submitted
from assurance.frameworks.assessments import ConflictError
from assurance.frameworks.models import Item, ScaleOption
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


def test_a_case_gets_a_pseudonymised_reference_and_a_return_per_agency(audit, northfield, amira):
    case = add_case(audit, northfield, amira)
    assert case.reference.startswith("NOR-") and len(case.reference) == 10
    returns = AgencyReturn.unscoped.filter(case=case)
    assert {r.agency for r in returns} == {northfield.police, northfield.health}
    police = case.involvements.get(agency=northfield.police)
    assert b"CRIME/2026/0042" not in bytes(police.record_number_encrypted)
    assert not case.involvements.get(agency=northfield.health).has_record_number


def test_record_numbers_are_shown_only_to_the_right_people_and_every_viewing_is_logged(
    audit, northfield, amira, priya, helen, joanna
):
    case = add_case(audit, northfield, amira)
    police = case.involvements.get(agency=northfield.police)
    police_return = AgencyReturn.unscoped.get(involvement=police)
    # Priya is a police auditor, but not yet assigned to this case.
    with pytest.raises(PermissionDenied):
        sample.record_number_reveal(actor=actor_for_person(priya), involvement=police)
    police_return.auditors.add(priya)
    assert (
        sample.record_number_reveal(actor=actor_for_person(priya), involvement=police)
        == "CRIME/2026/0042"
    )
    assert (
        sample.record_number_reveal(actor=actor_for_person(helen), involvement=police)
        == "CRIME/2026/0042"
    )
    assert (
        sample.record_number_reveal(actor=actor_for_person(amira), involvement=police)
        == "CRIME/2026/0042"
    )
    with pytest.raises(PermissionDenied):
        sample.record_number_reveal(actor=actor_for_person(joanna), involvement=police)
    assert RecordNumberViewing.unscoped.filter(involvement=police).count() == 3


def test_the_record_number_page_logs_the_viewing(audit, northfield, amira, client_for):
    case = add_case(audit, northfield, amira)
    police = case.involvements.get(agency=northfield.police)
    response = client_for(amira).post(
        northfield.url(f"audits/cases/{case.pk}/record-number/{police.pk}/")
    )
    assert response.status_code == 200
    assert "CRIME/2026/0042" in response.content.decode()
    assert RecordNumberViewing.unscoped.filter(involvement=police, viewer=amira).exists()


def test_assigning_auditors_emails_them(audit, northfield, amira, helen, priya):
    case = add_case(audit, northfield, amira)
    police_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    services.return_assign(
        actor=actor_for_person(helen),
        agency_return=police_return,
        auditors=[priya],
        due_date=None,
        base_url="https://assurance.test",
    )
    assert [m.to for m in mail.outbox] == [["priya@northfield.test"]]
    assert case.reference in mail.outbox[0].subject
    assert f"/audits/returns/{police_return.pk}/edit/" in mail.outbox[0].body


def test_a_lead_cannot_assign_another_agencys_auditor(audit, northfield, amira, helen, kwame):
    case = add_case(audit, northfield, amira)
    police_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    with pytest.raises(AuditRuleError, match="not an auditor of"):
        services.return_assign(
            actor=actor_for_person(helen),
            agency_return=police_return,
            auditors=[kwame],
            due_date=None,
            base_url="",
        )


def _auditing(audit, northfield, amira, priya, kwame):
    case = add_case(audit, northfield, amira)
    police_return = AgencyReturn.unscoped.get(case=case, agency=northfield.police)
    health_return = AgencyReturn.unscoped.get(case=case, agency=northfield.health)
    police_return.auditors.add(priya)
    health_return.auditors.add(kwame)
    audit.status = AuditStatus.AUDITING
    audit.save()
    return case, police_return, health_return


def test_an_auditor_never_sees_another_agencys_draft(
    audit, northfield, amira, priya, kwame, corinne, client_for
):
    _, _, health_return = _auditing(audit, northfield, amira, priya, kwame)
    services.return_save(
        actor=actor_for_person(kwame),
        agency_return=health_return,
        answers=answers_for(audit, ["Met", "Met", "Not met", "Met"]),
        narrative={"working_well": "Health visitor saw the baby weekly."},
        expected_revision=0,
    )
    assert (
        client_for(priya).get(northfield.url(f"audits/returns/{health_return.pk}/")).status_code
        == 404
    )
    # Not even the scrutineer sees a draft; once submitted she does.
    assert (
        client_for(corinne).get(northfield.url(f"audits/returns/{health_return.pk}/")).status_code
        == 404
    )
    services.return_submit(actor=actor_for_person(kwame), agency_return=health_return)
    assert (
        client_for(corinne).get(northfield.url(f"audits/returns/{health_return.pk}/")).status_code
        == 200
    )
    # Priya (OWN_AGENCY) never sees health's return, submitted or not.
    assert (
        client_for(priya).get(northfield.url(f"audits/returns/{health_return.pk}/")).status_code
        == 404
    )


def test_two_people_saving_the_same_return_do_not_overwrite_each_other(
    audit, northfield, amira, priya, kwame, helen
):
    _, police_return, _ = _auditing(audit, northfield, amira, priya, kwame)
    opened_at = police_return.assessment.revision
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers_for(audit, ["Met"] * 4),
        narrative={},
        expected_revision=opened_at,
    )
    with pytest.raises(ConflictError):
        services.return_save(
            actor=actor_for_person(helen),
            agency_return=police_return,
            answers=answers_for(audit, ["Not met"] * 4),
            narrative={},
            expected_revision=opened_at,
        )
    labels = set(police_return.assessment.answers.values_list("option__label", flat=True))
    assert labels == {"Met"}


def test_the_return_page_shows_the_conflict(
    audit, northfield, amira, priya, kwame, helen, client_for
):
    _, police_return, _ = _auditing(audit, northfield, amira, priya, kwame)
    url = northfield.url(f"audits/returns/{police_return.pk}/edit/1/")
    items = list(Item.objects.filter(section__framework=audit.framework, section__order=1))
    met = ScaleOption.objects.get(scale=items[0].scale, label="Met")
    form = {
        "revision": "0",
        **{f"item_{i.pk}": str(met.pk) for i in items},
        **{f"evidence_{i.pk}": "Seen." for i in items},
    }
    assert client_for(priya).post(url, form).status_code == 302
    form = {**form, **{f"evidence_{i.pk}": "Not seen." for i in items}}
    response = client_for(helen).post(url, form)
    assert response.status_code == 409
    assert "Someone else saved this return" in response.content.decode()


def test_submit_needs_every_answer_and_required_evidence(audit, northfield, amira, priya, kwame):
    _, police_return, _ = _auditing(audit, northfield, amira, priya, kwame)
    answers = answers_for(audit, ["Met"] * 4)
    first = next(iter(answers))
    answers[first]["evidence"] = ""
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers,
        narrative={},
        expected_revision=0,
    )
    with pytest.raises(AuditRuleError):
        services.return_submit(actor=actor_for_person(priya), agency_return=police_return)


def test_sign_off_locks_the_return_and_send_back_unlocks_it(
    audit, northfield, amira, priya, kwame, helen, joanna
):
    _, police_return, _ = _auditing(audit, northfield, amira, priya, kwame)
    services.return_save(
        actor=actor_for_person(priya),
        agency_return=police_return,
        answers=answers_for(audit, ["Met"] * 4),
        narrative={},
        expected_revision=0,
    )
    services.return_submit(actor=actor_for_person(priya), agency_return=police_return)
    with pytest.raises(AuditRuleError, match="locked"):
        services.return_save(
            actor=actor_for_person(priya),
            agency_return=police_return,
            answers={},
            narrative={},
            expected_revision=1,
        )
    with pytest.raises(PermissionDenied):
        services.return_sign_off(actor=actor_for_person(joanna), agency_return=police_return)
    services.return_send_back(
        actor=actor_for_person(helen),
        agency_return=police_return,
        comments="Add the evidence for 2.1.",
    )
    assert police_return.status == ReturnStatus.RETURNED
    services.return_submit(actor=actor_for_person(priya), agency_return=police_return)
    services.return_sign_off(actor=actor_for_person(helen), agency_return=police_return)
    assert police_return.status == ReturnStatus.SIGNED_OFF
    assert police_return.history.count() >= 4


def test_text_that_looks_like_an_nhs_number_is_flagged_before_saving(
    audit, northfield, amira, priya, kwame, client_for
):
    _, police_return, _ = _auditing(audit, northfield, amira, priya, kwame)
    url = northfield.url(f"audits/returns/{police_return.pk}/edit/3/")  # the summary
    form = {"revision": "0", "working_well": "Seen at clinic, NHS number 943 476 5919."}
    response = client_for(priya).post(url, form)
    assert response.status_code == 200
    assert "looks like it contains" in response.content.decode()
    police_return.refresh_from_db()
    assert police_return.working_well == ""
    form["keep_working_well"] = "The NHS number is the clinic's reference, not the child's."
    assert client_for(priya).post(url, form).status_code == 302
    flag = IdentifierFlag.unscoped.get(agency_return=police_return)
    assert flag.field == "working_well" and "clinic" in flag.confirmed_reason


def test_moderation_cannot_start_while_a_return_is_missing_unless_the_lead_says_why(
    audit, northfield, amira, priya, kwame
):
    _auditing(audit, northfield, amira, priya, kwame)
    with pytest.raises(AuditRuleError, match="returns are not submitted"):
        services.audit_advance(actor=actor_for_person(amira), audit=audit)
    services.audit_record_missing_returns_reason(
        actor=actor_for_person(amira), audit=audit, reason="Health holds no record of the family."
    )
    assert services.audit_advance(actor=actor_for_person(amira), audit=audit).status == "moderation"


def test_findings_equal_an_independent_count(audit, northfield, amira, priya, kwame, helen, joanna):
    police_labels, health_labels = (
        ["Met", "Not met", "Met", "Not applicable"],
        ["Partially met", "Met", "Met", "Met"],
    )
    cases = [add_case(audit, northfield, amira) for _ in range(3)]
    audit.status = AuditStatus.AUDITING
    audit.save()
    for case in cases:
        for agency, person, labels in (
            (northfield.police, priya, police_labels),
            (northfield.health, kwame, health_labels),
        ):
            agency_return = AgencyReturn.unscoped.get(case=case, agency=agency)
            return_submitted(agency_return, auditor=person, labels=labels)
    findings = selectors.audit_findings(audit=audit)
    first = findings.sections[0].items[0]  # standard 1.1: police Met ×3, health Partially ×3
    assert first.overall["counts"] == {
        "Met": 3,
        "Partially met": 3,
        "Not met": 0,
        "Not applicable": 0,
    }
    assert (first.overall["meeting"], first.overall["assessed"]) == (3, 6)
    last = findings.sections[1].items[1]  # 2.2: police N/A ×3, health Met ×3
    assert (last.overall["meeting"], last.overall["assessed"]) == (3, 3)
    by_agency = dict(last.by_agency)
    assert by_agency[northfield.police.name]["assessed"] == 0
    assert by_agency[northfield.police.name]["proportion"] is None


def test_findings_use_a_constant_number_of_queries(
    audit, northfield, amira, django_assert_max_num_queries
):
    for _ in range(5):
        add_case(audit, northfield, amira)
    with django_assert_max_num_queries(12):
        selectors.audit_findings(audit=audit)
