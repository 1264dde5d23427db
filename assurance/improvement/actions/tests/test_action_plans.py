"""Action plans: an accepted recommendation's SMART actions, progress by the owner agency's
lead, evidence (checked), completion only with evidence, and impact measured before and after."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.tests.factories import AuditFactory, add_case, return_submitted
from assurance.dataset.benchmarks.tests.factories import BenchmarkFactory
from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.frameworks.models import Item
from assurance.improvement.actions import services
from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionState,
    ImpactAssessment,
    MeasureKind,
)
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.learning.tests.factories import RecommendationFactory
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def accepted(northfield, amira):
    return RecommendationFactory(
        partnership=northfield.partnership,
        title="Embed the neglect tool",
        text="Use the tool at the start of every neglect case.",
        source=Recommendation.Source.AUDIT,
        accepted=True,
    )


def _action(actor, recommendation, agency, **extra):
    values = {
        "title": "Train social workers in the neglect tool",
        "owner_agency": agency,
        "due_date": timezone.localdate() + timedelta(days=90),
        "delivery_type": "training",
        "measure_kind": MeasureKind.DESCRIBED,
        "measure": "80% of social workers trained",
    }
    values.update(extra)
    return services.action_plan_add(actor=actor, recommendation=recommendation, **values)


def test_only_an_accepted_recommendation_has_an_action_plan(northfield, amira, accepted):
    accepted.status = Recommendation.Status.PROPOSED
    accepted.save()
    with pytest.raises(ValidationError, match="awaiting decision"):
        _action(actor_for_person(amira), accepted, northfield.council)
    accepted.status = Recommendation.Status.ACCEPTED
    accepted.save()
    action = _action(actor_for_person(amira), accepted, northfield.council)
    assert action.recommendation == accepted and action.state == ActionState.OPEN


def test_an_indicator_measure_needs_an_indicator_and_a_target(northfield, amira, accepted):
    with pytest.raises(ValidationError) as exc:
        _action(
            actor_for_person(amira),
            accepted,
            northfield.council,
            measure_kind=MeasureKind.INDICATOR,
        )
    assert set(exc.value.error_dict) == {"indicator", "target_value"}
    with pytest.raises(ValidationError) as exc:
        _action(
            actor_for_person(amira), accepted, northfield.council, measure_kind=MeasureKind.REAUDIT
        )
    assert set(exc.value.error_dict) == {"baseline_audit", "standard"}


def test_the_business_unit_adds_an_action_through_the_form(northfield, amira, accepted, client_for):
    client = client_for(amira)
    url = northfield.url(f"actions/plans/{accepted.pk}/add/")
    page = client.post(url, {"title": "Train", "measure_kind": "described"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in body
    assert "Enter the due date" in body and "Select the owner agency" in body
    page = client.post(
        url,
        {
            "title": "Train social workers in the neglect tool",
            "owner_agency": northfield.council.pk,
            "due_date": "2027-03-31",
            "start_date": "2027-04-30",
            "delivery_type": "training",
            "measure_kind": "described",
            "measure": "80% trained",
        },
    )
    assert "The start date must be on or before the due date" in page.content.decode()
    page = client.post(
        url,
        {
            "title": "Train social workers in the neglect tool",
            "owner_agency": northfield.council.pk,
            "due_date": "2027-03-31",
            "delivery_type": "training",
            "measure_kind": "described",
            "measure": "80% trained",
        },
    )
    assert page.status_code == 302
    action = Action.unscoped.get(recommendation=accepted)
    assert action.due_date == date(2027, 3, 31)
    plan = client.get(northfield.url(f"actions/plans/{accepted.pk}/")).content.decode()
    assert "Train social workers in the neglect tool" in plan and "Multi-agency training" in plan
    assert action.history.count() == 1


def test_the_owner_agency_lead_updates_progress_and_other_leads_cannot(
    northfield, amira, farah, helen, accepted, client_for
):
    action = _action(actor_for_person(amira), accepted, northfield.council)
    # Helen leads the police: the council's action is not hers to update.
    assert (
        client_for(helen).get(northfield.url(f"actions/{action.pk}/progress/")).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        services.progress_update_add(
            actor=actor_for_person(helen), action=action, rag="red", text="x"
        )
    client = client_for(farah)
    empty = client.post(northfield.url(f"actions/{action.pk}/progress/"), {})
    assert "Select the rating" in empty.content.decode()
    response = client.post(
        northfield.url(f"actions/{action.pk}/progress/"),
        {"rag": "amber", "text": "Two of four sessions delivered."},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.started and action.start_date == timezone.localdate()
    detail = client.get(northfield.url(f"actions/{action.pk}/")).content.decode()
    assert "Two of four sessions delivered." in detail and "Amber" in detail
    # The lead may change the action but not hand it to another agency.
    form = client.get(northfield.url(f"actions/{action.pk}/edit/")).content.decode()
    assert "Only the business unit can hand an action" in form


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("notes.exe", b"MZ\x90\x00", "must be a"),
        ("report.pdf", b"MZ\x90\x00not a pdf", "not a real PDF"),
        ("empty.pdf", b"", "empty"),
        ("list.txt", b"abc\x00def", "not a text file"),
    ],
)
def test_evidence_files_are_checked(northfield, amira, accepted, name, content, problem):
    action = _action(actor_for_person(amira), accepted, northfield.council)
    with pytest.raises(ValidationError, match=problem):
        services.evidence_add(
            actor=actor_for_person(amira),
            action=action,
            description="Attendance",
            file=SimpleUploadedFile(name, content),
        )
    assert not ActionEvidence.unscoped.exists()


def test_evidence_too_large_is_refused(northfield, amira, accepted, monkeypatch):
    from assurance.improvement.actions import evidence

    monkeypatch.setattr(evidence, "MAX_BYTES", len(PDF) - 1)
    action = _action(actor_for_person(amira), accepted, northfield.council)
    with pytest.raises(ValidationError, match="smaller than 10 MB"):
        services.evidence_add(
            actor=actor_for_person(amira),
            action=action,
            description="Attendance",
            file=SimpleUploadedFile("a.pdf", PDF),
        )


def test_an_action_completes_only_with_evidence(northfield, amira, farah, accepted, client_for):
    action = _action(actor_for_person(amira), accepted, northfield.council)
    with pytest.raises(ValidationError, match="Add evidence"):
        services.action_complete(actor=actor_for_person(farah), action=action)
    client = client_for(farah)
    page = client.post(
        northfield.url(f"actions/{action.pk}/complete/"),
        {"completed_on": timezone.localdate().isoformat()},
    )
    assert "Add evidence that the action was delivered" in page.content.decode()
    bad_link = client.post(
        northfield.url(f"actions/{action.pk}/evidence/"),
        {"description": "Elsewhere", "link": "https://example.com/x"},
    )
    assert "starting /p/northfield/" in bad_link.content.decode()
    upload = client.post(
        northfield.url(f"actions/{action.pk}/evidence/"),
        {"description": "Attendance list", "file": SimpleUploadedFile("list.pdf", PDF)},
    )
    assert upload.status_code == 302
    client.post(
        northfield.url(f"actions/{action.pk}/evidence/"),
        {"description": "The audit report", "link": "http://x/p/northfield/audits/1/report/"},
    )
    evidence = list(ActionEvidence.unscoped.filter(action=action))
    assert [e.link for e in evidence] == ["", "/p/northfield/audits/1/report/"]
    download = client.get(northfield.url(f"actions/{action.pk}/evidence/{evidence[0].pk}/"))
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="list.pdf"' in download["Content-Disposition"]
    done = client.post(
        northfield.url(f"actions/{action.pk}/complete/"),
        {"completed_on": timezone.localdate().isoformat()},
    )
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.state == ActionState.COMPLETE
    # A described test is judged by the business unit.
    assert not ImpactAssessment.unscoped.exists()
    services.impact_judgement_record(
        actor=actor_for_person(amira),
        action=action,
        outcome="achieved",
        summary="Audit of training.",
    )
    thread = client.get(northfield.url(f"actions/{action.pk}/thread/")).content.decode()
    assert "Recorded judgement" in thread and "Audit of training." in thread


def test_indicator_impact_compares_published_values_before_and_after(northfield, amira, accepted):
    partnership = northfield.partnership
    partnership.la_code = "E08000029"
    partnership.save()
    indicator = IndicatorFactory(
        code="CP_2YR", title="Children on a plan for two years or more", source="dfe"
    )
    for year, value in [(2023, "6.0"), (2024, "5.5"), (2025, "3.9")]:
        BenchmarkFactory(
            indicator=indicator,
            area_code="E08000029",
            area_level="local_authority",
            area_name="Northfield",
            year=year,
            value=Decimal(value),
        )
    action = _action(
        actor_for_person(amira),
        accepted,
        northfield.council,
        measure_kind=MeasureKind.INDICATOR,
        indicator=indicator,
        target_value=Decimal("4"),
        start_date=date(2024, 4, 1),
    )
    action.state, action.completed_at = ActionState.COMPLETE, date(2024, 12, 1)
    action.save()
    assessment = services.impact_assess(action=action)
    assert assessment.outcome == "achieved"
    assert assessment.summary.startswith("The indicator moved from 5.5 (2024) to 3.9 (2025)")
    assert services.impact_assess(action=action) == assessment  # nothing new: not recorded twice


def _returns(audit, northfield, amira, priya, kwame, labels):
    cases = [add_case(audit, northfield, amira) for _ in range(len(labels))]
    audit.status = AuditStatus.AUDITING
    audit.save()
    for case, (police, health) in zip(cases, labels, strict=True):
        for agency, person, answer in (
            (northfield.police, priya, police),
            (northfield.health, kwame, health),
        ):
            return_submitted(
                AgencyReturn.unscoped.get(case=case, agency=agency),
                auditor=person,
                labels=["Met", "Met", "Met", answer],
            )
    audit.status = AuditStatus.CLOSED
    audit.save()


def _reaudit(audit, northfield, amira):
    """A later audit with the same tool, police and health taking part: the re-audit."""
    return AuditFactory(
        partnership=audit.partnership,
        programme=audit.programme,
        title="Neglect re-audit",
        theme=audit.theme,
        kind=audit.kind,
        planned_month=date(2026, 9, 1),
        framework=audit.framework,
        lead=amira,
        status=AuditStatus.SAMPLING,
        agencies=[northfield.police, northfield.health],
    )


def _reaudit_action(amira, accepted, northfield, audit):
    """The council's action measured by standard 2.2 in a re-audit of ``audit``."""
    return _action(
        actor_for_person(amira),
        accepted,
        northfield.council,
        measure_kind=MeasureKind.REAUDIT,
        baseline_audit=audit,
        standard=Item.objects.get(section__framework=audit.framework, code="2.2"),
    )


def test_reaudit_impact_compares_the_standard_in_the_baseline_and_the_later_audit(
    audit, northfield, amira, priya, kwame, farah, accepted, client_for
):
    # Baseline: standard 2.2 met in 2 of 16 returns; re-audit: 14 of 16.
    _returns(
        audit,
        northfield,
        amira,
        priya,
        kwame,
        [("Met", "Not met")] * 2 + [("Not met", "Not met")] * 6,
    )
    later = _reaudit(audit, northfield, amira)
    _returns(
        later, northfield, amira, priya, kwame, [("Met", "Met")] * 6 + [("Met", "Not met")] * 2
    )
    action = _reaudit_action(amira, accepted, northfield, audit)
    services.evidence_add(
        actor=actor_for_person(farah),
        action=action,
        description="Training register",
        file=SimpleUploadedFile("register.pdf", PDF),
    )
    services.action_complete(
        actor=actor_for_person(farah), action=action, completed_on=date(2026, 7, 1)
    )
    assessment = ImpactAssessment.unscoped.get(action=action)
    assert assessment.outcome == "achieved"
    assert "2 of 16" in assessment.summary and "14 of 16" in assessment.summary
    assert assessment.figures["later_audit"] == later.pk
    thread = client_for(farah).get(northfield.url(f"actions/{action.pk}/thread/"))
    body = thread.content.decode()
    assert "The standard improved" in body and "Fisher" in body and "Achieved" in body
    assert "Re-audit of the standard compared with the baseline audit" in body


def test_reaudit_before_any_later_audit_is_not_yet_measurable(audit, northfield, amira, accepted):
    audit.status = AuditStatus.CLOSED
    audit.save()
    action = _reaudit_action(amira, accepted, northfield, audit)
    action.state, action.completed_at = ActionState.COMPLETE, date(2026, 7, 1)
    action.save()
    assert services.impact_assess(action=action).outcome == "not_yet"


def test_the_home_page_asks_for_updates_of_overdue_and_at_risk_actions(
    northfield, amira, farah, helen, accepted, client_for
):
    today = timezone.localdate()
    _action(
        actor_for_person(amira), accepted, northfield.council, due_date=today - timedelta(days=1)
    )
    _action(
        actor_for_person(amira), accepted, northfield.council, due_date=today + timedelta(days=5)
    )
    _action(
        actor_for_person(amira), accepted, northfield.police, due_date=today - timedelta(days=3)
    )
    home = client_for(farah).get(northfield.url()).content.decode()
    assert "Update your agency&#x27;s overdue actions" in home
    assert "Check your agency&#x27;s actions at risk" in home
    from assurance.improvement.actions.todos import action_todos

    farah_todos = {t.text: t.count for t in action_todos(actor_for_person(farah))}
    assert farah_todos == {
        "Update your agency's overdue actions": 1,
        "Check your agency's actions at risk": 1,
    }
    amira_todos = {t.text: t.count for t in action_todos(actor_for_person(amira))}
    assert amira_todos["Update the partnership's overdue actions"] == 2
    helen_todos = {t.text: t.count for t in action_todos(actor_for_person(helen))}
    assert helen_todos == {"Update your agency's overdue actions": 1}


def test_the_daily_task_measures_impact_once_the_re_audit_closes(
    audit, northfield, amira, priya, kwame, accepted
):
    from assurance.improvement.actions.tasks import measure_pending_impacts

    _returns(audit, northfield, amira, priya, kwame, [("Not met", "Not met")] * 6)
    action = _reaudit_action(amira, accepted, northfield, audit)
    action.state, action.completed_at = ActionState.COMPLETE, date(2026, 7, 1)
    action.save()
    assert services.impact_assess(action=action).outcome == "not_yet"
    assert measure_pending_impacts.enqueue().return_value == 0  # still nothing to compare
    later = _reaudit(audit, northfield, amira)
    _returns(later, northfield, amira, priya, kwame, [("Met", "Met")] * 6)
    assert measure_pending_impacts.enqueue().return_value == 1
    latest = ImpactAssessment.unscoped.filter(action=action).first()
    assert latest.outcome == "achieved" and "0 of 12" in latest.summary
    assert "12 of 12" in latest.summary
    assert measure_pending_impacts.enqueue().return_value == 0  # measured: left alone
    assert ImpactAssessment.unscoped.filter(action=action).count() == 2


def test_an_evidence_link_that_climbs_out_of_the_partnership_is_refused(
    northfield, amira, accepted
):
    action = _action(actor_for_person(amira), accepted, northfield.council)
    with pytest.raises(ValidationError, match="a page of this partnership"):
        services.evidence_add(
            actor=actor_for_person(amira),
            action=action,
            description="The report",
            link="/p/northfield/../../admin",
        )
    assert not ActionEvidence.unscoped.exists()
