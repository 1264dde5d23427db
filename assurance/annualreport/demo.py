"""The demo's annual report: Northfield's 2025/26 report (the business year before the
current one), with the business unit's words and the young people's version, each statutory
partner's contribution, approved at the latest quorate meeting of the executive and
published — all through the services, as the business unit would; and, on the same public
home, its published practice review and the summary of its latest closed audit with key
findings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from assurance.annualreport.publications import selectors as publications
from assurance.annualreport.publications import services as making_public
from assurance.annualreport.reports import selectors, services
from assurance.annualreport.reports.models import AnnualReport
from assurance.core.business_year import current_business_year
from assurance.improvement.meetings.selectors import quorum_view
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Agency, AgencyKind, Partnership, Person

WORDS: dict[str, tuple[str, str]] = {
    "arrangements": (
        "Northfield's three safeguarding partners — the council, the police and the integrated "
        "care board — share the lead for keeping children safe. Schools, health providers and "
        "the voluntary sector work with them as relevant agencies. The executive takes the "
        "partnership's decisions; the Assurance and Review Group looks at how well services "
        "work together; an independent scrutineer checks our work.",
        "Three big organisations lead our work to keep children safe: the council, the police "
        "and the NHS. Schools and other groups help them. Someone from outside checks that we "
        "do a good job.",
    ),
    "priorities": (
        "We set three priorities for the year. The scorecard shows each indicator's latest "
        "figure, whether it met its target, and what the statistical process control chart "
        "says about its variation. The actions delivered under each priority are listed with "
        "their measured impact.",
        "We chose three things to get better at this year. We check numbers to see if things "
        "are getting better. We also did jobs to make things better, and we checked if they "
        "worked.",
    ),
    "audits": (
        "Our multi-agency case file audits looked at how agencies worked together on real "
        "cases. The key findings are below; where an audit repeated an earlier one, its "
        "findings page shows what changed since.",
        "We read the records of some children we help. We looked for what went well and what "
        "needs to change.",
    ),
    "reviews": (
        "When a child dies or is seriously harmed and abuse or neglect is known or suspected, "
        "we tell the national Panel and review what happened. The figures are counts only: no "
        "child can be identified from them.",
        "When something very serious happens to a child, we look at what happened. We learn "
        "from it so it does not happen again.",
    ),
    "self_assessment": ("", ""),
    "training": (
        "Our multi-agency training brings practitioners from every agency together. The "
        "figures show the sessions held and who came, by agency, and how much practitioners' "
        "knowledge and confidence changed three months after each course.",
        "People who work with children went on training. They learned how to keep children safe.",
    ),
    "voice": (
        "Children, young people, parents and carers told us what works and what should "
        "change: through our feedback form, at youth forums and the children in care council, "
        "and through feedback agencies gathered. We read every piece, and what they said "
        "shaped our actions.",
        "Lots of you told us what you think. Thank you! You told us how it felt to get help. "
        "We listened, and we made changes.",
    ),
    "progress": (
        "Some things did not improve as we wanted. We list the actions that are overdue, the "
        "actions that did not make a measurable difference, and the indicators that got worse. "
        "Each has a plan for the coming year.",
        "Some things did not get better yet. We will keep working on them next year.",
    ),
    "contributions": (
        "The three statutory partners fund the partnership's business unit, training and "
        "independent scrutiny.",
        "",
    ),
    "scrutiny": (
        "The partnership knows itself well: its figures are shared openly and challenge is "
        "welcomed. The partners should make sure that every action has a measure of impact "
        "before it starts, and that children's feedback reaches the executive each quarter.",
        "The person who checks our work says we are honest about what we do well and what we "
        "need to fix.",
    ),
}

CONTRIBUTIONS = {
    "local_authority": (Decimal("148000"), "The business unit's office and meeting rooms"),
    "police": (Decimal("74000"), "A detective sergeant for audits, two days a month"),
    "health": (Decimal("74000"), "The designated nurse's time for reviews"),
}


def load_demo_annual_report(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or AnnualReport.objects_for(partnership).exists():
        return
    person = (
        Person.objects_for(partnership)
        .filter(email__startswith="business-unit@")
        .select_related("partnership", "agency", "user")
        .first()
    )
    if person is None:
        return
    actor = actor_for_person(person)
    with transaction.atomic():
        report = services.report_start(actor=actor, year=current_business_year() - 1)
        for key, (narrative, young_people) in WORDS.items():
            report = services.section_text_set(
                actor=actor, report=report, key=key, narrative=narrative, young_people=young_people
            )
        for agency in Agency.objects_for(partnership).filter(kind=AgencyKind.STATUTORY_PARTNER):
            if agency.statutory_role in CONTRIBUTIONS:
                amount, in_kind = CONTRIBUTIONS[agency.statutory_role]
                services.contribution_set(
                    actor=actor, report=report, agency=agency, amount=amount, in_kind=in_kind
                )
        meeting = next(
            (
                m
                for m in selectors.approval_meetings(actor=actor).prefetch_related(
                    "attendances__agency"
                )
                if quorum_view(m).quorum.met and m.attendances.exists()
            ),
            None,
        )
        if meeting is not None:  # else no quorate executive yet: the report stays a draft
            report = services.report_approve(actor=actor, report=report, meeting=meeting)
            services.report_publish(actor=actor, report=report)
        _make_public(actor)
    if command is not None:
        command.stdout.write("Annual report: Northfield's 2025/26 report, published")


REVIEW_SUMMARY = (
    "Child N was a baby who was seriously injured at home. The review looked at how health "
    "visitors, the GP, children's social care and the police shared what they knew in the "
    "weeks before.\n\nIt found that concerns were recorded by each agency but not brought "
    "together, and that the father was not seen by any of them. The partners have changed how "
    "agencies record and share who lives in a baby's household, and every practitioner who "
    "works with babies is now trained to ask."
)
AUDIT_SUMMARY = (
    "Practitioners from every agency read the records of children in the audit together and "
    "agreed what worked well and what needs to change. Their key findings are below; the "
    "partnership's action plan answers each area for improvement."
)


def _make_public(actor: Any) -> None:
    """The demo's public home also holds the published practice review and the summary of the
    latest closed audit with key findings, made public through the services."""
    review = publications.publishable_reviews(actor=actor).first()
    if review is not None:
        making_public.review_make_public(
            actor=actor,
            review=review,
            title="Child N: local child safeguarding practice review",
            summary=REVIEW_SUMMARY,
        )
    audit = next(
        (
            a
            for a in publications.publishable_audits(actor=actor)
            if publications.audit_findings(audit=a)
        ),
        None,
    )
    if audit is not None:
        making_public.audit_make_public(
            actor=actor, audit=audit, title=f"{audit.title}: what we found", summary=AUDIT_SUMMARY
        )
