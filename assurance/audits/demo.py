"""Demo audits for Northfield: a year's bi-monthly programme, with a closed neglect deep dive
(24 cases, returns from several agencies, moderated, reported, with actions), the previous
year's neglect audit to compare with, and a domestic abuse audit in progress.

Answers are generated from a fixed seed, so the demo is the same on every machine.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.audits import sample, services
from assurance.audits.models import (
    AgencyReturn,
    AgreedGrade,
    Audit,
    AuditCase,
    AuditKind,
    AuditStatus,
    ReturnStatus,
    Theme,
)
from assurance.core.business_year import current_business_year
from assurance.core.history import save_as
from assurance.frameworks.models import Answer, Framework, ScaleOption, Section
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Agency, Partnership, Person

AGE_BANDS = ["0", "1-4", "1-4", "5-9", "5-9", "10-15", "10-15", "16-17"]
ETHNICITIES = ["White British"] * 6 + [
    "Mixed White and Black Caribbean",
    "Asian Pakistani",
    "Black African",
    "White Eastern European",
]
EVIDENCE = [
    "Chronology is up to date and shows the pattern of concerns.",
    "Supervision notes show the manager reviewed the plan.",
    "The record does not show that this was considered.",
    "Partly recorded: the decision is there but not the reasons.",
    "Clear analysis of the impact on the child's daily life.",
    "Information was shared with the school nurse and GP within two days.",
    "No evidence of the father being seen or spoken to.",
    "The child's own words are recorded at each visit.",
]
WORKING_WELL = [
    "Good information sharing between the school and the social worker.",
    "The health visitor's persistence kept the family engaged.",
    "The child's wishes are clearly recorded and inform the plan.",
]
WORRIES = [
    "Drift between the core group meetings: actions were not followed up.",
    "The neglect assessment tool was not used, so change was hard to measure.",
    "Fathers and male carers are largely invisible in the records.",
]
NEXT = [
    "Use the neglect tool at the start and every three months.",
    "Invite all agencies to core groups with two weeks' notice.",
    "Record the child's lived experience in every assessment.",
]


def _actor(partnership: Partnership, email: str) -> Actor:
    person = Person.unscoped.select_related("partnership", "agency").get(
        partnership=partnership, email=email
    )
    return actor_for_person(person)


def _answers(
    rng: random.Random, agency_return: AgencyReturn, sections: list[Section], quality: float
) -> list[Answer]:
    answers = []
    for section in sections:
        for item in section.items.all():
            answer = Answer(
                assessment=agency_return.assessment, item=item, evidence=rng.choice(EVIDENCE)
            )
            if item.is_graded and item.scale is not None:
                options = list(item.scale.options.all())
                na = [o for o in options if o.is_not_applicable]
                met = [o for o in options if o.meets_standard]
                other = [o for o in options if not o.meets_standard and not o.is_not_applicable]
                roll = rng.random()
                if na and roll < 0.07:
                    answer.option = na[0]
                elif roll < 0.07 + quality * 0.93:
                    answer.option = rng.choice(met)
                else:
                    answer.option = rng.choice(other)
            elif item.response_type == "number":
                answer.number = rng.randint(0, 6)
            elif item.response_type == "date":
                answer.date = date.today() - timedelta(days=rng.randint(30, 400))
            else:
                answer.text = rng.choice(EVIDENCE)
            answers.append(answer)
    return answers


def _build_audit(
    *,
    actor: Actor,
    partnership: Partnership,
    framework: Framework,
    title: str,
    theme: str,
    kind: str,
    month: date,
    agencies: list[Agency],
    cases: int,
    quality: float,
    seed: int,
    complete_share: float,
    status: str,
) -> Audit:
    rng = random.Random(seed)
    programme = services.programme_for_year(
        actor=actor, business_year=month.year if month.month >= 4 else month.year - 1
    )
    audit = Audit.unscoped.filter(partnership=partnership, programme=programme, title=title).first()
    if audit is not None:
        return audit
    audit = Audit(
        partnership=partnership,
        programme=programme,
        title=title,
        theme=theme,
        kind=kind,
        planned_month=month,
        framework=framework,
        lead=actor.person,
        scope=f"How well agencies worked together for children where {theme.replace('_', ' ')} "
        "was a concern, from first contact to the current plan.",
        sample_criteria="Children open to children's social care for at least three months, "
        "with at least two other agencies involved, across all age bands.",
        target_sample_size=24,
        returns_due=month + timedelta(days=35),
        moderation_date=month + timedelta(days=49),
        report_due=month + timedelta(days=77),
        status=AuditStatus.SAMPLING,
    )
    save_as(audit, actor)
    audit.agencies.set(agencies)
    council = next(a for a in agencies if a.statutory_role == "local_authority")
    for n in range(cases):
        involved = [
            council,
            *rng.sample(
                [a for a in agencies if a != council], k=rng.randint(2, min(4, len(agencies) - 1))
            ),
        ]
        sample.case_add(
            actor=actor,
            audit=audit,
            age_band=rng.choice(AGE_BANDS),
            gender=rng.choice(["girl", "boy"]),
            ethnicity=rng.choice(ETHNICITIES),
            selection_reason=rng.choice(
                [
                    "On a child protection plan for neglect",
                    "Child in need plan, neglect the main concern",
                    "Stepped down to early help after a plan",
                ]
            ),
            agencies=involved,
            record_numbers={council.pk: f"NB{seed % 1000:03d}{n:03d}"},
        )
    sections = list(
        Section.objects.filter(framework=framework).prefetch_related("items__scale__options")
    )
    # In the order they were made (not by case reference, which is random): the same seed
    # leaves the same returns open at every load.
    returns = list(
        AgencyReturn.unscoped.filter(case__audit=audit)
        .select_related("assessment", "agency")
        .order_by("pk")
    )
    auditors: dict[int | None, list[Person]] = {}
    for person in Person.unscoped.filter(partnership=partnership, is_auditor=True):
        auditors.setdefault(person.agency_id, []).append(person)
    leads = {
        p.agency_id: p for p in Person.unscoped.filter(partnership=partnership, is_agency_lead=True)
    }
    all_answers: list[Answer] = []
    now = timezone.now()
    for agency_return in returns:
        if agency_return.agency_id in auditors:
            agency_return.auditors.set(auditors[agency_return.agency_id])
        if rng.random() > complete_share:
            agency_return.status = rng.choice([ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT])
            if agency_return.status == ReturnStatus.DRAFT:
                all_answers.extend(_answers(rng, agency_return, sections[:2], quality))
        else:
            all_answers.extend(_answers(rng, agency_return, sections, quality))
            agency_return.status = (
                ReturnStatus.SIGNED_OFF
                if rng.random() < 0.8 or status == AuditStatus.CLOSED
                else ReturnStatus.SUBMITTED
            )
            agency_return.submitted_at = now
            agency_auditors = auditors.get(agency_return.agency_id) or []
            agency_return.submitted_by = (
                agency_auditors[0] if agency_auditors else leads.get(agency_return.agency_id)
            )
            agency_return.signed_off_at = now if agency_return.status == "signed_off" else None
            agency_return.signed_off_by = (
                leads.get(agency_return.agency_id) if agency_return.status == "signed_off" else None
            )
        agency_return.working_well = rng.choice(WORKING_WELL)
        agency_return.worried_about = rng.choice(WORRIES)
        agency_return.needs_to_happen = rng.choice(NEXT)
        agency_return.child_views = rng.choice(
            [
                "",
                "Said she likes her teacher and wants to stay at her school.",
                "Told the nurse he is often hungry at weekends.",
            ]
        )
    AgencyReturn.unscoped.bulk_update(
        returns,
        [
            "status",
            "submitted_at",
            "signed_off_at",
            "signed_off_by",
            "submitted_by",
            "working_well",
            "worried_about",
            "needs_to_happen",
            "child_views",
        ],
    )
    bulk_create_with_history(all_answers, Answer, batch_size=500, default_user=actor.user)
    audit.status = AuditStatus.AUDITING
    audit.save(update_fields=["status"])
    if status in {AuditStatus.CLOSED}:
        _moderate_and_report(actor=actor, audit=audit, sections=sections, rng=rng)
    return audit


def _moderate_and_report(
    *, actor: Actor, audit: Audit, sections: list[Section], rng: random.Random
) -> None:
    audit.status = AuditStatus.MODERATION
    audit.save(update_fields=["status"])
    attendees = list(Person.unscoped.filter(partnership=audit.partnership, is_auditor=True))
    meeting = services.moderation_meeting_record(
        actor=actor,
        audit=audit,
        held_on=audit.moderation_date or audit.planned_month,
        attendees=attendees,
        notes="Each case presented by the lead agency; grades agreed by discussion.",
    )
    scale_options = {
        o.label: o
        for o in ScaleOption.objects.filter(
            scale__items__section__framework=audit.framework
        ).distinct()
    }
    # (case, section) -> (responses meeting the standard, responses assessed), in one query.
    counts = {
        (row["assessment__agency_return__case"], row["item__section"]): (row["meets"], row["total"])
        for row in Answer.objects.filter(
            assessment__agency_return__case__audit=audit, option__isnull=False
        )
        .values("assessment__agency_return__case", "item__section")
        .annotate(
            meets=Count("pk", filter=Q(option__meets_standard=True)),
            total=Count("pk", filter=Q(option__is_not_applicable=False)),
        )
    }
    grades = []
    for case in AuditCase.unscoped.filter(audit=audit):
        for section in sections:
            meets, total = counts.get((case.pk, section.pk), (0, 0))
            share = meets / total if total else 0
            label = "Met" if share >= 0.75 else "Partially met" if share >= 0.4 else "Not met"
            option = scale_options.get(label) or next(iter(scale_options.values()))
            grades.append(
                AgreedGrade(
                    partnership=audit.partnership,
                    case=case,
                    section=section,
                    option=option,
                    meeting=meeting,
                    rationale=f"{meets} of {total} agency responses met the "
                    "standards; the group agreed the overall picture.",
                )
            )
    bulk_create_with_history(grades, AgreedGrade, default_user=actor.user)
    for kind, aspect, text in [
        (
            "strength",
            "Multi-agency working",
            "Agencies shared information quickly once a "
            "child protection enquiry began, and core groups were well attended.",
        ),
        (
            "strength",
            "Voice of the child",
            "Most records capture what the child said, in "
            "their own words, and plans respond to it.",
        ),
        (
            "improve",
            "Management oversight",
            "Supervision did not always challenge drift when "
            "the same concerns recurred over many months.",
        ),
        (
            "more_of",
            "Assessments and plans",
            "We need to use the neglect assessment tool at "
            "the start and at each review, so that we can show whether things change for the "
            "child.",
        ),
        (
            "more_of",
            "History of involvement",
            "We need to read and record the family's "
            "history with every agency before we decide what to do next.",
        ),
        (
            "more_of",
            "Escalation of concerns",
            "We need to use the escalation procedure when "
            "a plan is not working, and record the outcome.",
        ),
    ]:
        services.key_message_add(actor=actor, audit=audit, kind=kind, aspect=aspect, text=text)
    services.learning_event_record(
        actor=actor,
        audit=audit,
        held_on=audit.report_due or audit.planned_month,
        agencies=audit.agencies.all(),
        attendee_count=46,
        what_was_shared="The findings per KLOE, two case studies, and the "
        "neglect assessment tool with practice examples.",
    )
    audit.status = AuditStatus.CLOSED
    audit.save(update_fields=["status"])


def load_demo_audits(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    framework = (
        Framework.objects_for(partnership)
        .filter(theme__iexact="neglect")
        .order_by("-version")
        .first()
    )
    general = Framework.objects_for(partnership).filter(theme="").order_by("-version").first()
    if framework is None:
        return
    actor = _actor(partnership, "business-unit@northfield.example")
    keys = ["local_authority", "police", "health"]
    statutory = list(Agency.objects_for(partnership).filter(statutory_role__in=keys))
    others = list(
        Agency.objects_for(partnership).filter(
            short_name__in=["Hospitals", "Schools", "Community health", "Housing"]
        )
    )
    agencies = statutory + others
    year = current_business_year()
    with transaction.atomic():
        _build_audit(
            actor=actor,
            partnership=partnership,
            framework=framework,
            title="Neglect deep dive 2025/26",
            theme=Theme.NEGLECT,
            kind=AuditKind.DEEP_DIVE,
            month=date(year - 1, 10, 1),
            agencies=agencies,
            cases=20,
            quality=0.5,
            seed=2025,
            complete_share=1.0,
            status=AuditStatus.CLOSED,
        )
        _build_audit(
            actor=actor,
            partnership=partnership,
            framework=framework,
            title="Neglect deep dive",
            theme=Theme.NEGLECT,
            kind=AuditKind.DEEP_DIVE,
            month=date(year, 6, 1),
            agencies=agencies,
            cases=24,
            quality=0.68,
            seed=2026,
            complete_share=1.0,
            status=AuditStatus.CLOSED,
        )
        _build_audit(
            actor=actor,
            partnership=partnership,
            framework=general or framework,
            title="Domestic abuse dip sample",
            theme=Theme.DOMESTIC_ABUSE,
            kind=AuditKind.DIP_SAMPLE,
            month=date(year, 10, 1),
            agencies=agencies,
            cases=12,
            quality=0.6,
            seed=2027,
            complete_share=0.55,
            status=AuditStatus.AUDITING,
        )
        programme = services.programme_for_year(actor=actor, business_year=year)
        for month, title, theme, kind in [
            (
                date(year, 8, 1),
                "Strategy meetings in the MASH",
                Theme.STRATEGY_MEETINGS,
                AuditKind.DIP_SAMPLE,
            ),
            (date(year, 12, 1), "Exploitation deep dive", Theme.EXPLOITATION, AuditKind.DEEP_DIVE),
            (
                date(year + 1, 2, 1),
                "Voice of the child",
                Theme.VOICE_OF_CHILD,
                AuditKind.DIP_SAMPLE,
            ),
            (date(year, 4, 1), "Early help step-down", Theme.EARLY_HELP, AuditKind.DIP_SAMPLE),
        ]:
            audit, created = Audit.unscoped.get_or_create(
                partnership=partnership,
                programme=programme,
                title=title,
                defaults={
                    "theme": theme,
                    "kind": kind,
                    "planned_month": month,
                    "lead": actor.person,
                    "target_sample_size": 12,
                },
            )
            if created:
                audit.agencies.set(agencies)
