"""The annual report's life: amira (business unit) writes each section's words, enters the
partners' contributions, records the executive's approval — refused at a meeting that was not
quorate — and publishes it. Approval freezes every figure and word: a record changed afterwards
does not change the published report, and a published report cannot be edited."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from assurance.annualreport.reports import selectors, services
from assurance.annualreport.reports.document import numeric_from
from assurance.annualreport.reports.models import AnnualReport, ReportStatus
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback.tests.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def _voice_count(report: AnnualReport, actor: Actor) -> str:
    [voice] = [s for s in selectors.shown_sections(actor=actor, report=report) if s.key == "voice"]
    return voice.section.figures[0].value


def test_an_approval_at_a_meeting_without_a_quorum_is_refused(
    report: AnnualReport, inquorate: Meeting, amira: Person
) -> None:
    actor = actor_for_person(amira)
    with pytest.raises(ValidationError) as refused:
        services.report_approve(actor=actor, report=report, meeting=inquorate)
    assert "Not quorate: no representative of the police is present." in str(refused.value)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.snapshot is None


def test_a_published_report_does_not_change_when_a_record_in_it_changes(
    northfield: Tenant, report: AnnualReport, quorate: Meeting, amira: Person
) -> None:
    actor = actor_for_person(amira)
    in_year = report.business_year
    FeedbackFactory.create_batch(
        2, partnership=northfield.partnership, received_on=f"{in_year}-06-01"
    )
    services.section_text_set(
        actor=actor, report=report, key="voice", narrative="Two told us.", young_people="Two."
    )
    with pytest.raises(ValidationError, match="must approve"):
        services.report_publish(actor=actor, report=report)
    services.report_approve(actor=actor, report=report, meeting=quorate)
    services.report_publish(actor=actor, report=report)
    report = AnnualReport.unscoped.get(pk=report.pk)
    assert report.status == ReportStatus.PUBLISHED
    assert report.quorum_explanation.startswith("Quorate")
    assert _voice_count(report, actor) == "2"
    # Later: more feedback of that year is recorded; the published report still says 2
    FeedbackFactory.create_batch(
        3, partnership=northfield.partnership, received_on=f"{in_year}-07-01"
    )
    page = Client().get(f"/annual-reports/{northfield.slug}/{in_year}/").content.decode()
    assert "Pieces of feedback" in page
    assert _voice_count(AnnualReport.unscoped.get(pk=report.pk), actor) == "2"
    # A draft of the same records would now say 5: the snapshot, not the records, is shown
    fresh = selectors.live_sections(actor=actor, report=report)
    assert next(s for s in fresh if s.key == "voice").figures[0].value == "5"
    # and the published report cannot be edited
    with pytest.raises(ValidationError, match="published"):
        services.section_text_set(
            actor=actor, report=report, key="voice", narrative="Changed", young_people=""
        )
    assert AnnualReport.unscoped.get(pk=report.pk).narrative["voice"] == "Two told us."


def test_editing_an_approved_report_takes_it_back_to_draft(
    report: AnnualReport, quorate: Meeting, amira: Person
) -> None:
    actor = actor_for_person(amira)
    services.report_approve(actor=actor, report=report, meeting=quorate)
    services.section_text_set(
        actor=actor, report=report, key="audits", narrative="New words", young_people=""
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.snapshot is None and report.approved_at_meeting is None


def test_the_business_unit_writes_approves_and_publishes_through_the_pages(
    northfield: Tenant,
    report: AnnualReport,
    quorate: Meeting,
    inquorate: Meeting,
    amira: Person,
    corinne: Person,
    client_for: Callable[[Person], Client],
) -> None:
    client = client_for(amira)
    base = northfield.url(f"annual-reports/{report.pk}/")
    long = " ".join(["word"] * 25) + "."
    response = client.post(
        base + "sections/voice/",
        {"narrative": "Children told us.", "young_people": f"You told us a lot. {long}"},
    )
    assert response.status_code == 302, response.content.decode()
    page = client.get(base).content.decode()
    assert "on the Flesch reading ease scale" in page
    assert "Sentences over 20 words" in page and long in page
    response = client.post(
        base + "contributions/",
        {"agency": northfield.police.pk, "amount": "-5", "in_kind": ""},
    )
    assert "Enter an amount of £0 or more" in response.content.decode()
    client.post(base + "contributions/", {"agency": northfield.police.pk, "amount": "74000"})
    assert "£74,000.00" in client.get(base).content.decode()
    # The approval: refused at the inquorate meeting, with the reason, then recorded
    response = client.post(base + "approve/", {"meeting": inquorate.pk})
    assert "no representative of the police" in response.content.decode()
    response = client.post(base + "approve/", {"meeting": quorate.pk})
    assert response.status_code == 302
    # Not public before publishing
    public = f"/annual-reports/{northfield.slug}/{report.business_year}/"
    assert Client().get(public).status_code == 404
    response = client.post(base + "publish/", {"confirm": "on"})
    assert response.status_code == 302
    anonymous = Client()
    page = anonymous.get(public).content.decode()
    assert "Children told us." in page and "£74,000.00" in page
    young = anonymous.get(public + "young-people/").content.decode()
    assert "You told us a lot." in young and "Children told us." not in young
    word = anonymous.get(public + "young-people/docx/")
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    # The scrutineer reads it; only the business unit changes it
    scrutineer = client_for(corinne)
    assert scrutineer.get(base).status_code == 200
    assert scrutineer.get(base + "sections/voice/").status_code == 403


def test_a_contribution_is_entered_once_per_partner_and_corrected(
    northfield: Tenant, report: AnnualReport, amira: Person
) -> None:
    actor = actor_for_person(amira)
    services.contribution_set(
        actor=actor, report=report, agency=northfield.council, amount=Decimal("100"), in_kind=""
    )
    services.contribution_set(
        actor=actor,
        report=report,
        agency=northfield.council,
        amount=Decimal("250"),
        in_kind="A room",
    )
    [row] = selectors.contributions(report=report)
    assert row.amount == Decimal("250") and row.in_kind == "A room"


def test_a_second_report_for_the_same_year_is_refused(report: AnnualReport, amira: Person) -> None:
    with pytest.raises(ValidationError, match="already a report"):
        services.report_start(actor=actor_for_person(amira), year=report.business_year)


def test_public_pages_show_only_published_reports_of_that_partnership(
    northfield: Tenant, southvale: Tenant, report: AnnualReport
) -> None:
    anonymous = Client()
    home = anonymous.get(f"/annual-reports/{northfield.slug}/").content.decode()
    assert "No annual report has been published yet." in home
    assert (
        anonymous.get(f"/annual-reports/{northfield.slug}/{report.business_year}/pdf/").status_code
        == 404
    )
    assert anonymous.get("/annual-reports/no-such-partnership/").status_code == 404


def test_only_columns_of_figures_are_right_aligned_in_the_documents() -> None:
    assert numeric_from([["Police", "£74,000.00", "A room"]], 3) == 3
    assert numeric_from([["Police", "12", "1,204"], ["Council", "3", "45.5%"]], 3) == 1
    assert numeric_from([["Police", "Local authority"]], 2) == 2
    assert numeric_from([], 2) == 2
