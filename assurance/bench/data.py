"""A large synthetic deployment for the benchmarks, built with bulk inserts.

Partnerships ``bench-000`` … each with agencies, groups with seats, priorities and people (with
sign-in users sharing one precomputed password hash: hashing is not what is measured), and, for
the audits scenario, a history of closed audits: each of ``cases`` cases × ``agencies`` agencies
× the 24 graded standards of the general audit tool.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from assurance.audits.models import (
    AgencyReturn,
    Audit,
    AuditCase,
    AuditKind,
    AuditProgramme,
    AuditStatus,
    CaseAgency,
    ReturnStatus,
    Theme,
)
from assurance.frameworks.interchange.format import validate
from assurance.frameworks.interchange.loading import write
from assurance.frameworks.interchange.yaml_files import read_yaml
from assurance.frameworks.models import Assessment, Framework, Item
from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    MeetingFrequency,
    Partnership,
    Person,
    Priority,
    QuorumRule,
    Sector,
    StatutoryRole,
    VotingRule,
)

PASSWORD = "bench-password-not-secret-1"  # noqa: S105 - synthetic bench users only
GENERAL = Path(__file__).resolve().parents[1] / "frameworks" / "examples" / "general.yaml"
STATUTORY = [StatutoryRole.LOCAL_AUTHORITY, StatutoryRole.POLICE, StatutoryRole.HEALTH]
SECTORS = [
    Sector.EDUCATION,
    Sector.HEALTH_PROVIDER,
    Sector.PROBATION,
    Sector.HOUSING,
    Sector.VOLUNTARY,
    Sector.OTHER,
]


def slug(index: int) -> str:
    return f"bench-{index:03d}"


def business_unit_email(index: int) -> str:
    return f"bu@{slug(index)}.bench"


def build_platform(
    *, partnerships: int, agencies: int = 15, people: int = 100, groups: int = 5, start: int = 0
) -> list[Partnership]:
    user_model = get_user_model()
    hashed = make_password(PASSWORD)
    created = []
    for index in range(start, start + partnerships):
        with transaction.atomic():
            p = Partnership.unscoped.create(
                name=f"Bench Partnership {index:03d}", slug=slug(index), la_code="E08000029"
            )
            agency_rows = Agency.unscoped.bulk_create(
                [
                    Agency(
                        partnership=p,
                        name=f"Agency {a:02d} of {p.slug}",
                        short_name=f"A{a:02d}",
                        kind=AgencyKind.STATUTORY_PARTNER if a < 3 else AgencyKind.RELEVANT_AGENCY,
                        statutory_role=STATUTORY[a] if a < 3 else "",
                        sector=Sector.LOCAL_AUTHORITY if a < 3 else SECTORS[a % len(SECTORS)],
                    )
                    for a in range(agencies)
                ]
            )
            users = user_model.objects.bulk_create(
                [
                    user_model(
                        email=business_unit_email(index)
                        if n == 0
                        else f"person{n:03d}@{p.slug}.bench",
                        full_name=f"Person {n:03d}",
                        password=hashed,
                    )
                    for n in range(people)
                ]
            )
            person_rows = Person.unscoped.bulk_create(
                [
                    Person(
                        partnership=p,
                        agency=agency_rows[n % agencies],
                        user=user,
                        full_name=user.full_name,
                        email=user.email,
                        is_business_unit=n == 0,
                        is_scrutineer=n == 1,
                        is_agency_lead=1 < n <= agencies + 1,
                        is_auditor=n > agencies + 1 and n % 2 == 0,
                        is_group_member=n > agencies + 1 and n % 3 == 0,
                        is_viewer=n > agencies + 1 and n % 2 == 1 and n % 3 != 0,
                    )
                    for n, user in enumerate(users)
                ]
            )
            group_rows = Group.unscoped.bulk_create(
                [
                    Group(
                        partnership=p,
                        name=f"Group {g}",
                        short_name=f"G{g}",
                        purpose="A group of the partnership.",
                        chair=person_rows[(g + 2) % people],
                        meeting_frequency=MeetingFrequency.QUARTERLY,
                        quorum_rule=QuorumRule.MIN_MEMBER_AGENCIES,
                        quorum_number=3,
                        voting_rule=VotingRule.CONSENSUS,
                    )
                    for g in range(groups)
                ]
            )
            GroupMember.unscoped.bulk_create(
                [
                    GroupMember(
                        partnership=p,
                        group=group,
                        agency=agency_rows[s % agencies],
                        person=person_rows[(s + 2) % people],
                        position=f"Seat {s}",
                    )
                    for group in group_rows
                    for s in range(6)
                ]
            )
            Priority.unscoped.bulk_create(
                [
                    Priority(partnership=p, business_year=year, title=title, order=order)
                    for year in (2025, 2026)
                    for order, title in enumerate(["Neglect", "Exploitation", "Early help"], 1)
                ]
            )
        created.append(p)
    return created


def _framework(partnership: Partnership) -> Framework:
    existing = (
        Framework.objects_for(partnership).filter(name="Multi-agency case file audit tool").first()
    )
    if existing:
        return existing
    plan = validate(read_yaml(GENERAL.read_text()))
    framework = write(plan, partnership=partnership)
    Framework.unscoped.filter(pk=framework.pk).update(is_frozen=True)
    return framework


def build_audit(
    *,
    partnership: Partnership,
    year: int,
    cases: int,
    agencies: int,
    rng: random.Random,
    title: str | None = None,
) -> Audit:
    """One closed audit with every return signed off and every graded standard answered."""
    framework = _framework(partnership)
    items = list(
        Item.objects.filter(section__framework=framework, response_type__in=["scale", "yes_no_na"])
        .select_related("scale")
        .prefetch_related("scale__options")
    )
    options = {item.pk: list(item.scale.options.all()) for item in items if item.scale}
    taking_part = list(Agency.objects_for(partnership).order_by("pk")[:agencies])
    lead = Person.objects_for(partnership).filter(is_business_unit=True).first()
    with transaction.atomic():
        programme, _ = AuditProgramme.unscoped.get_or_create(
            partnership=partnership, business_year=year, defaults={"title": f"Programme {year}"}
        )
        audit = Audit.unscoped.create(
            partnership=partnership,
            programme=programme,
            title=title or f"Neglect {year}",
            theme=Theme.NEGLECT,
            kind=AuditKind.DEEP_DIVE,
            planned_month=date(year, 10, 1),
            framework=framework,
            lead=lead,
            scope="Benchmark",
            sample_criteria="Benchmark",
            status=AuditStatus.CLOSED,
        )
        audit.agencies.set(taking_part)
        case_rows = AuditCase.unscoped.bulk_create(
            [
                AuditCase(
                    partnership=partnership,
                    audit=audit,
                    reference=f"B{partnership.pk:04d}{audit.pk:05d}{n:03d}",
                    age_band="5-9",
                    gender=rng.choice(["girl", "boy"]),
                )
                for n in range(cases)
            ]
        )
        involvements = CaseAgency.unscoped.bulk_create(
            [
                CaseAgency(partnership=partnership, case=case, agency=agency)
                for case in case_rows
                for agency in taking_part
            ]
        )
        assessments = Assessment.unscoped.bulk_create(
            [Assessment(partnership=partnership, framework=framework) for _ in involvements]
        )
        now = timezone.now()
        AgencyReturn.unscoped.bulk_create(
            [
                AgencyReturn(
                    partnership=partnership,
                    involvement=inv,
                    case_id=inv.case_id,
                    agency_id=inv.agency_id,
                    assessment=assessment,
                    status=ReturnStatus.SIGNED_OFF,
                    submitted_at=now,
                    signed_off_at=now,
                )
                for inv, assessment in zip(involvements, assessments, strict=True)
            ]
        )
        draws = [  # per standard: its options' ids and weights (most meet the standard)
            (
                item.pk,
                [o.pk for o in options[item.pk]],
                [
                    5 if o.meets_standard else 2 if not o.is_not_applicable else 1
                    for o in options[item.pk]
                ],
            )
            for item in items
        ]
        rows = [
            (assessment.pk, item_pk, rng.choices(ids, weights)[0])
            for assessment in assessments
            for item_pk, ids, weights in draws
        ]
        _insert_answers(rows)
    return audit


def build_audit_history(
    *, partnerships: list[Partnership], years: int, cases: int, agencies: int, seed: int = 7
) -> dict[str, Any]:
    rng = random.Random(seed)
    made = 0
    for partnership in partnerships:
        for year in range(2026 - years + 1, 2027):
            build_audit(partnership=partnership, year=year, cases=cases, agencies=agencies, rng=rng)
            made += 1
    return {"audits": made}


def _insert_answers(rows: list[tuple[int, int, int]]) -> None:
    """Answers by plain executemany: the bulk of the synthetic data (millions of rows)."""
    sql = (
        "INSERT INTO frameworks_answer (assessment_id, item_id, option_id, text, evidence) "
        "VALUES (%s, %s, %s, '', 'x')"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 20000):
            cursor.executemany(sql, rows[start : start + 20000])
