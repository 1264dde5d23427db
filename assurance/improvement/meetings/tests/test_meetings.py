"""Meetings and decisions: the executive's quorum comes from who attended (all three statutory
partners), is shown before a decision is recorded, and a decision taken while inquorate is
marked so; votes count one per statutory partner however many representatives attend. The
agenda is built from what is due; the highlight report is a page, a PDF and a Word document."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from assurance.audits.tests.conftest import actor_of
from assurance.core.roles import Role
from assurance.improvement.actions.models import Action
from assurance.improvement.learning import services as learning_services
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.meetings import services
from assurance.improvement.meetings.models import AgendaKind, Decision, Meeting, PaperKind
from assurance.improvement.scrutiny import services as scrutiny_services
from assurance.partnerships.models import Group, GroupMember
from assurance.partnerships.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lorna(northfield):
    """lorna: the ICB's chief nurse, a second health representative on the executive."""
    return PersonFactory(
        partnership=northfield.partnership,
        agency=northfield.health,
        full_name="Lorna Beck",
        email="lorna@northfield.test",
        roles=[Role.GROUP_MEMBER],
    )


@pytest.fixture
def executive(northfield, farah, helen, joanna, lorna):
    p = northfield.partnership
    group = Group.unscoped.create(
        partnership=p,
        name="Partnership executive",
        short_name="LSCP",
        purpose="Decides.",
        meeting_frequency="three_per_year",
        quorum_rule="all_statutory_partners",
        voting_rule="one_per_statutory_partner",
        is_decision_making=True,
    )
    for agency, person in [
        (northfield.council, farah),
        (northfield.police, helen),
        (northfield.health, joanna),
        (northfield.health, lorna),
    ]:
        GroupMember.unscoped.create(partnership=p, group=group, agency=agency, person=person)
    return group


@pytest.fixture
def arg(northfield, farah, helen, joanna):
    p = northfield.partnership
    group = Group.unscoped.create(
        partnership=p,
        name="Assurance and Review Group",
        short_name="ARG",
        purpose="Assures.",
        meeting_frequency="quarterly",
        quorum_rule="min_member_agencies",
        quorum_number=3,
        voting_rule="consensus",
    )
    for agency, person in [
        (northfield.council, farah),
        (northfield.police, helen),
        (northfield.health, joanna),
    ]:
        GroupMember.unscoped.create(partnership=p, group=group, agency=agency, person=person)
    return group


@pytest.fixture
def recommendation(northfield, amira):
    item = learning_services.learning_item_create(
        actor=actor_of(amira),
        title="Escalation rarely used",
        what_was_learned="Plans stall without escalation.",
        source="single_agency",
        learned_on=date(2026, 5, 1),
    )
    return learning_services.learning_recommendation_create(
        actor=actor_of(amira),
        title="Relaunch the escalation procedure",
        text="Brief practitioners.",
        learning_items=[item],
    )


def test_an_inquorate_decision_is_marked_so(
    executive, recommendation, northfield, amira, farah, joanna, client_for
):
    actor = actor_of(amira)
    meeting = services.meeting_create(actor=actor, group=executive, held_on=date(2026, 6, 10))
    # An executive meeting receives its highlight report as a paper
    paper = meeting.papers.get()
    assert paper.kind == PaperKind.HIGHLIGHT_REPORT and paper.report_meeting == meeting
    client = client_for(amira)
    url = northfield.url(f"meetings/{meeting.pk}/")
    # No attendance yet: no quorum can be shown, and no decision can be recorded
    assert "Attendance has not been recorded" in client.get(url).content.decode()
    response = client.post(
        northfield.url(f"meetings/{meeting.pk}/attendance/"),
        {"present": [farah.pk, joanna.pk, amira.pk]},
    )
    assert response.status_code == 302
    form = client.get(northfield.url(f"meetings/{meeting.pk}/decisions/new/")).content.decode()
    assert "Not quorate: no representative of the police is present." in form
    assert form.index('id="quorum"') < form.index('name="recommendation"')
    response = client.post(
        northfield.url(f"meetings/{meeting.pk}/decisions/new/"),
        {"recommendation": recommendation.pk, "outcome": "more_info", "reasons": "Costs?"},
    )
    assert response.status_code == 302, response.content.decode()
    decision = Decision.unscoped.get()
    assert decision.quorate is False and decision.carried is None
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.MORE_INFO
    log = client.get(northfield.url("decisions/")).content.decode()
    assert "Inquorate" in log and "Ask for more information" in log
    assert "Taken while inquorate" in client.get(url).content.decode()
    # Attendance is fixed once decisions are recorded
    response = client.post(
        northfield.url(f"meetings/{meeting.pk}/attendance/"), {"present": [farah.pk]}
    )
    assert "its attendance is fixed" in response.content.decode()


def test_votes_count_once_per_statutory_partner(
    executive, recommendation, northfield, amira, farah, helen, joanna, lorna, client_for
):
    actor = actor_of(amira)
    meeting = services.meeting_create(actor=actor, group=executive, held_on=date(2026, 9, 16))
    rows = services.attendance_record(
        actor=actor, meeting=meeting, present=[farah, helen, joanna, lorna, amira]
    )
    row = {r.person_id: r.pk for r in rows}
    assert {r.person_id for r in rows if not r.is_member} == {amira.pk}
    client = client_for(amira)
    form = client.get(northfield.url(f"meetings/{meeting.pk}/decisions/new/")).content.decode()
    assert "Quorate: all three safeguarding partners are represented." in form
    assert "Representatives of the same agency share its one vote" in form
    assert f'name="vote_{row[farah.pk]}"' in form and f'name="vote_{row[amira.pk]}"' not in form
    # The health representatives disagree: health's one vote is an abstention; 1-1 is lost
    client.post(
        northfield.url(f"meetings/{meeting.pk}/decisions/new/"),
        {
            "recommendation": recommendation.pk,
            "outcome": "accept",
            "reasons": "Evidence is clear.",
            f"vote_{row[farah.pk]}": "for",
            f"vote_{row[helen.pk]}": "against",
            f"vote_{row[joanna.pk]}": "for",
            f"vote_{row[lorna.pk]}": "against",
        },
    )
    lost = Decision.unscoped.get()
    assert (lost.votes_for, lost.votes_against, lost.abstentions) == (1, 1, 1)
    assert lost.carried is False and lost.quorate is True
    assert "representatives of health disagreed" in lost.tally_explanation
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.PROPOSED
    # The police change their vote: carried 2-0 with health abstaining, and accepted
    decision = services.decision_record(
        actor=actor,
        meeting=meeting,
        recommendation=recommendation,
        outcome="accept",
        reasons="With the costs.",
        votes={
            row[farah.pk]: "for",
            row[helen.pk]: "for",
            row[joanna.pk]: "for",
            row[lorna.pk]: "abstain",
        },
    )
    assert decision.carried is True and decision.votes_for == 2
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.ACCEPTED
    assert recommendation.history.count() >= 2
    detail = client.get(northfield.url(f"decisions/{decision.pk}/")).content.decode()
    assert "How members voted" in detail and "Helen Stroud" in detail
    # A decided recommendation cannot be decided again
    with pytest.raises(Exception, match="already been decided"):
        services.decision_record(
            actor=actor,
            meeting=meeting,
            recommendation=recommendation,
            outcome="reject",
            reasons="x",
        )


def test_only_the_decision_making_group_decides(arg, recommendation, amira, farah, helen):
    actor = actor_of(amira)
    meeting = services.meeting_create(actor=actor, group=arg, held_on=date(2026, 4, 15))
    services.attendance_record(actor=actor, meeting=meeting, present=[farah, helen])
    with pytest.raises(Exception, match="does not decide on recommendations"):
        services.decision_record(
            actor=actor,
            meeting=meeting,
            recommendation=recommendation,
            outcome="accept",
            reasons="x",
        )


def test_the_agenda_is_built_from_what_is_due(
    arg, executive, recommendation, audit, northfield, amira, client_for
):
    actor = actor_of(amira)
    today = timezone.localdate()
    from_audit = learning_services.learning_item_create(
        actor=actor,
        title="Tool not used",
        what_was_learned="x",
        source="audit",
        learned_on=today - timedelta(days=10),
        audit=audit,
    )
    overdue = Action.unscoped.create(
        partnership=northfield.partnership,
        title="Brief practitioners",
        owner_agency=northfield.police,
        due_date=today - timedelta(days=3),
        measure_kind="described",
        measure="Briefed",
    )
    later = Action.unscoped.create(
        partnership=northfield.partnership,
        title="Re-audit next year",
        owner_agency=northfield.council,
        due_date=today + timedelta(days=300),
        measure_kind="described",
        measure="Re-audit",
    )
    meeting = services.meeting_create(actor=actor, group=arg, held_on=today)
    client = client_for(amira)
    url = northfield.url(f"meetings/{meeting.pk}/agenda/")
    page = client.get(url).content.decode()
    assert (
        f'name="learning" type="checkbox" value="{from_audit.pk}" checked' in page
    )  # new learning, for the ARG
    assert f'name="action" type="checkbox" value="{overdue.pk}" checked' in page
    assert (
        f'name="action" type="checkbox" value="{later.pk}" checked' not in page
        and "Re-audit next year" in page
    )
    response = client.post(
        url,
        {"learning": [from_audit.pk], "action": [overdue.pk], "other": "Any other business"},
    )
    assert response.status_code == 302
    kinds = [a.kind for a in meeting.agenda_items.order_by("order")]
    assert kinds == [AgendaKind.LEARNING, AgendaKind.ACTION, AgendaKind.OTHER]
    paper = meeting.papers.get()
    assert paper.kind == PaperKind.AUDIT_REPORT and paper.audit == audit
    detail = client.get(northfield.url(f"meetings/{meeting.pk}/")).content.decode()
    assert f"/audits/{audit.pk}/report/" in detail
    # At the executive, the recommendation awaiting decision is due, the learning is not
    exec_meeting = services.meeting_create(actor=actor, group=executive, held_on=today)
    page = client.get(northfield.url(f"meetings/{exec_meeting.pk}/agenda/")).content.decode()
    assert f'name="recommendation" type="checkbox" value="{recommendation.pk}" checked' in page
    assert f'name="learning" type="checkbox" value="{from_audit.pk}" checked' not in page


def test_highlight_report(executive, recommendation, northfield, amira, helen, corinne, client_for):
    actor = actor_of(amira)
    today = timezone.localdate()
    previous = services.meeting_create(
        actor=actor, group=executive, held_on=today - timedelta(days=120)
    )
    meeting = services.meeting_create(actor=actor, group=executive, held_on=today)
    Action.unscoped.create(
        partnership=northfield.partnership,
        title="Brief practitioners on escalation",
        owner_agency=northfield.police,
        due_date=today - timedelta(days=3),
        measure_kind="described",
        measure="Briefed",
    )
    Action.unscoped.create(
        partnership=northfield.partnership,
        title="Publish the neglect toolkit",
        owner_agency=northfield.council,
        due_date=today - timedelta(days=30),
        state="complete",
        completed_at=today - timedelta(days=40),
        measure_kind="described",
        measure="Published",
    )
    scrutiny_services.challenge_raise(
        actor=actor_of(corinne),
        agency=northfield.police,
        person=helen,
        subject="Police attendance at the executive",
        detail="Why?",
        respond_by=today + timedelta(days=14),
    )
    learning_services.learning_item_create(
        actor=actor,
        title="Drift in neglect cases",
        what_was_learned="x",
        source="inspection",
        learned_on=today - timedelta(days=10),
    )
    client = client_for(amira)
    page = client.get(northfield.url(f"meetings/{meeting.pk}/highlight-report/")).content
    text = page.decode()
    for expected in [
        "What is going well",
        "Action completed: Publish the neglect toolkit",
        "What needs to improve",
        "Drift in neglect cases",
        "Proposals awaiting decision",
        "Relaunch the escalation procedure",
        "Actions at risk",
        "Brief practitioners on escalation",
        "Open challenges",
        "Police attendance at the executive",
        f"{previous.held_on:%-d %B %Y}",
    ]:
        assert expected in text, expected
    pdf = client.get(northfield.url(f"meetings/{meeting.pk}/highlight-report.pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="highlight-report-{meeting.held_on:%Y-%m-%d}.pdf"'
    )
    docx = client.get(northfield.url(f"meetings/{meeting.pk}/highlight-report.docx"))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert docx["Content-Disposition"] == (
        f'attachment; filename="highlight-report-{meeting.held_on:%Y-%m-%d}.docx"'
    )
    import io

    from docx import Document

    headings = [
        p.text
        for p in Document(io.BytesIO(docx.content)).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings == [
        "What is going well",
        "What needs to improve",
        "Proposals awaiting decision",
        "Actions at risk",
        "Open challenges from the independent scrutineer",
    ]


def test_highlight_report_queries_do_not_grow(executive, northfield, amira):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assurance.improvement.highlight.report import highlight_report

    actor = actor_of(amira)
    today = timezone.localdate()
    meeting = services.meeting_create(actor=actor, group=executive, held_on=today)
    meeting = Meeting.unscoped.select_related("group", "partnership").get(pk=meeting.pk)

    def add(first, last):
        for n in range(first, last):
            item = learning_services.learning_item_create(
                actor=actor,
                title=f"Learning {n}",
                what_was_learned="x",
                source="review",
                learned_on=today - timedelta(days=n + 1),
            )
            learning_services.learning_recommendation_create(
                actor=actor, title=f"Recommendation {n}", text="x", learning_items=[item]
            )
            Action.unscoped.create(
                partnership=northfield.partnership,
                title=f"Action {n}",
                owner_agency=northfield.police,
                due_date=today - timedelta(days=n + 1),
                measure_kind="described",
                measure="x",
            )

    def count():
        with CaptureQueriesContext(connection) as queries:
            report = highlight_report(meeting=meeting)
        return len(queries.captured_queries), report

    add(0, 3)
    few, _ = count()
    add(3, 30)
    many, report = count()
    assert few == many <= 15
    assert any("Recommendation 29" in str(b.table.rows) for b in report.blocks if b.table)
