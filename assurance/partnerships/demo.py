"""The demo partnerships: Northfield (modelled on the seeds) and a smaller Southvale.

Every name here is invented. Demo users sign in as ROLE@northfield.example with DEMO_PASSWORD.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.contrib.auth import get_user_model

from assurance.core.business_year import current_business_year
from assurance.core.roles import Role
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
from assurance.partnerships.neighbours import dfe_2025_neighbours

S, R = AgencyKind.STATUTORY_PARTNER, AgencyKind.RELEVANT_AGENCY


@dataclass(frozen=True)
class DemoAgency:
    key: str
    name: str
    short: str
    kind: str
    sector: str
    role: str = ""


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    agency: str
    job: str
    roles: tuple[Role, ...]


NORTHFIELD_AGENCIES = [
    DemoAgency(
        "la",
        "Northfield Borough Council",
        "Council",
        S,
        Sector.LOCAL_AUTHORITY,
        StatutoryRole.LOCAL_AUTHORITY,
    ),
    DemoAgency("police", "Northshire Police", "Police", S, Sector.POLICE, StatutoryRole.POLICE),
    DemoAgency(
        "health",
        "Northfield and Dale Integrated Care Board",
        "ICB",
        S,
        Sector.HEALTH_COMMISSIONER,
        StatutoryRole.HEALTH,
    ),
    DemoAgency(
        "hospital",
        "Northfield Hospitals NHS Foundation Trust",
        "Hospitals",
        R,
        Sector.HEALTH_PROVIDER,
    ),
    DemoAgency(
        "community-health",
        "Dale Community Health NHS Trust",
        "Community health",
        R,
        Sector.HEALTH_PROVIDER,
    ),
    DemoAgency(
        "mental-health",
        "Northfield Mental Health NHS Foundation Trust",
        "Mental health",
        R,
        Sector.HEALTH_PROVIDER,
    ),
    DemoAgency("probation", "Northshire Probation Service", "Probation", R, Sector.PROBATION),
    DemoAgency("housing", "Northfield Homes", "Housing", R, Sector.HOUSING),
    DemoAgency(
        "cafcass", "Family Court Advisory Service (Northfield)", "Family court", R, Sector.OTHER
    ),
    DemoAgency("fire", "Northshire Fire and Rescue Service", "Fire", R, Sector.OTHER),
    DemoAgency("school", "Northfield Learning Trust", "Schools", R, Sector.EDUCATION),
    DemoAgency("early-years", "Northfield Early Years Network", "Early years", R, Sector.EDUCATION),
    DemoAgency("college", "Northfield College", "College", R, Sector.EDUCATION),
    DemoAgency("voluntary", "Northfield Voluntary Action", "Voluntary", R, Sector.VOLUNTARY),
    DemoAgency(
        "scrutiny",
        "Independent Scrutiny for Northfield",
        "Scrutiny",
        AgencyKind.SCRUTINY,
        Sector.OTHER,
    ),
]

BU, LEAD, AUD, MEM, SCR, VIEW = (
    Role.BUSINESS_UNIT,
    Role.AGENCY_LEAD,
    Role.AUDITOR,
    Role.GROUP_MEMBER,
    Role.SCRUTINEER,
    Role.VIEWER,
)

NORTHFIELD_USERS = [
    DemoUser("business-unit", "Amira Holloway", "la", "Partnership business manager", (BU,)),
    DemoUser("analyst", "Ben Okafor", "la", "Performance and quality assurance officer", (BU,)),
    DemoUser("scrutineer", "Corinne Vale", "scrutiny", "Independent scrutineer", (SCR, MEM)),
    DemoUser("viewer", "Dev Marsh", "voluntary", "Voluntary sector representative", (VIEW,)),
    DemoUser("group-member", "Elin Rowntree", "la", "Director of Children's Services", (MEM,)),
    DemoUser("la-lead", "Farah Quinlan", "la", "Head of Safeguarding and Quality", (LEAD, MEM)),
    DemoUser("la-auditor", "Gareth Pym", "la", "Team manager, children's social care", (AUD,)),
    DemoUser(
        "police-lead",
        "Helen Stroud",
        "police",
        "Detective Chief Inspector, Public Protection",
        (LEAD, MEM),
    ),
    DemoUser(
        "police-auditor",
        "Priya Nandra",
        "police",
        "Detective Sergeant, Child Abuse Investigation",
        (AUD,),
    ),
    DemoUser("police-commander", "Ian Caskey", "police", "Borough Commander", (MEM,)),
    DemoUser(
        "health-lead",
        "Joanna Feld",
        "health",
        "Designated Nurse for Safeguarding Children",
        (LEAD, MEM),
    ),
    DemoUser("health-auditor", "Kwame Asante", "health", "Named Nurse for Safeguarding", (AUD,)),
    DemoUser("health-chief-nurse", "Lorna Beck", "health", "Chief Nurse", (MEM,)),
    DemoUser("hospital-lead", "Mei Tan", "hospital", "Named Midwife", (LEAD,)),
    DemoUser("hospital-auditor", "Niall Doherty", "hospital", "Safeguarding Practitioner", (AUD,)),
    DemoUser(
        "school-lead", "Olu Adebayo", "school", "Trust Designated Safeguarding Lead", (LEAD, MEM)
    ),
    DemoUser("school-auditor", "Rosa Lindqvist", "school", "Deputy Head Teacher", (AUD,)),
]

NORTHFIELD_GROUPS: list[dict[str, Any]] = [
    {
        "short_name": "LSCP",
        "name": "Northfield Safeguarding Children Partnership Executive",
        "purpose": (
            "The decision-making group of the three safeguarding partners. It decides which "
            "recommendations of the Assurance and Review Group are taken forward by the "
            "Response and Delivery Group, oversees the whole learning cycle, and makes the "
            "final decision on local child safeguarding practice reviews."
        ),
        "chair": "scrutineer",
        "frequency": MeetingFrequency.THREE_PER_YEAR,
        "quorum": (QuorumRule.ALL_STATUTORY_PARTNERS, None),
        "voting": VotingRule.ONE_PER_STATUTORY_PARTNER,
        "decides": True,
        "seats": [
            ("la", "Director of Children's Services", "group-member"),
            ("health", "Chief Nurse", "health-chief-nurse"),
            ("police", "Borough Commander", "police-commander"),
            ("health", "Designated Nurse for Safeguarding Children", "health-lead"),
            ("scrutiny", "Independent scrutineer (chair)", "scrutineer"),
            ("school", "Schools representative", "school-lead"),
            ("la", "Partnership business manager", "business-unit"),
        ],
    },
    {
        "short_name": "ARG",
        "name": "Assurance and Review Group",
        "purpose": (
            "Assesses and quality assures what the partnership learns from case audits, "
            "practice reviews, the data set, inspections, single-agency audits and feedback "
            "from children and families; identifies patterns and recommends work to the "
            "executive; produces a highlight report for each executive meeting."
        ),
        "chair": "la-lead",
        "accountable_to": "LSCP",
        "frequency": MeetingFrequency.QUARTERLY,
        "quorum": (QuorumRule.MIN_MEMBER_AGENCIES, 3),
        "voting": VotingRule.CONSENSUS,
        "seats": [
            ("la", "Head of Safeguarding and Quality (chair)", "la-lead"),
            ("health", "Designated Nurse (deputy chair)", "health-lead"),
            ("police", "Public Protection lead", "police-lead"),
            ("hospital", "Named Midwife", "hospital-lead"),
            ("probation", "Head of Service", None),
            ("housing", "Safeguarding lead", None),
            ("school", "Education representative", "school-lead"),
            ("voluntary", "Voluntary sector representative", None),
        ],
    },
    {
        "short_name": "RDG",
        "name": "Response and Delivery Group",
        "purpose": (
            "Turns the executive's decisions into action plans and delivers the learning "
            "through multi-agency training, learning events, policy and procedure changes, "
            "communications and task and finish work."
        ),
        "chair": "police-lead",
        "accountable_to": "LSCP",
        "frequency": MeetingFrequency.QUARTERLY,
        "quorum": (QuorumRule.MIN_MEMBER_AGENCIES, 3),
        "voting": VotingRule.CONSENSUS,
        "seats": [
            ("police", "Public Protection lead (chair)", "police-lead"),
            ("la", "Head of Safeguarding and Quality", "la-lead"),
            ("health", "Designated Nurse", "health-lead"),
            ("community-health", "Named Nurse", None),
            ("fire", "Safeguarding lead", None),
            ("school", "Education representative", "school-lead"),
        ],
    },
    {
        "short_name": "ELRAG",
        "name": "Education and Learning Relevant Agencies Group",
        "purpose": (
            "Makes sure that children in every school and learning setting are safe, oversees "
            "the annual Section 175/157 safeguarding audit of schools, and brings schools' "
            "concerns, trends and good practice to the Assurance and Review Group."
        ),
        "chair": "school-lead",
        "accountable_to": "ARG",
        "frequency": MeetingFrequency.BI_MONTHLY_TERM,
        "quorum": (QuorumRule.MIN_MEMBER_AGENCIES, 3),
        "voting": VotingRule.CONSENSUS,
        "seats": [
            ("la", "Education safeguarding adviser (chair)", None),
            ("school", "Primary and secondary heads", "school-lead"),
            ("early-years", "Early years representative", None),
            ("college", "Post-16 representative", None),
            ("community-health", "School nursing", None),
            ("police", "Police and schools partnership", None),
        ],
    },
    {
        "short_name": "MAAG",
        "name": "Multi-Agency Audit Group",
        "purpose": (
            "Plans and runs the multi-agency case file audit programme: themes, scope, sample, "
            "audit tools and timelines; holds the audit discussion meetings and reports "
            "findings to the Assurance and Review Group."
        ),
        "chair": "business-unit",
        "accountable_to": "ARG",
        "frequency": MeetingFrequency.BI_MONTHLY,
        "quorum": (QuorumRule.MIN_MEMBER_AGENCIES, 3),
        "voting": VotingRule.CONSENSUS,
        "seats": [
            ("la", "Quality assurance officer", "analyst"),
            ("police", "Auditor", "police-auditor"),
            ("health", "Auditor", "health-auditor"),
            ("hospital", "Auditor", "hospital-auditor"),
            ("school", "Auditor", "school-auditor"),
            ("la", "Auditor", "la-auditor"),
        ],
    },
]

NORTHFIELD_PRIORITIES = [
    (
        "Neglect",
        "Recognise neglect early and act on it together, so that children's needs are "
        "met before harm becomes entrenched.",
    ),
    (
        "Exploitation",
        "Protect children from criminal and sexual exploitation inside and outside "
        "the home, and disrupt those who exploit them.",
    ),
    (
        "Early help",
        "Give families the right help at the right time, and know that it makes a difference.",
    ),
]

SOUTHVALE_AGENCIES = [
    DemoAgency(
        "la",
        "Southvale District Council",
        "Council",
        S,
        Sector.LOCAL_AUTHORITY,
        StatutoryRole.LOCAL_AUTHORITY,
    ),
    DemoAgency(
        "police", "Southvale Constabulary", "Police", S, Sector.POLICE, StatutoryRole.POLICE
    ),
    DemoAgency(
        "health",
        "Southvale Integrated Care Board",
        "ICB",
        S,
        Sector.HEALTH_COMMISSIONER,
        StatutoryRole.HEALTH,
    ),
    DemoAgency("school", "Southvale Schools Partnership", "Schools", R, Sector.EDUCATION),
    DemoAgency("housing", "Southvale Housing Association", "Housing", R, Sector.HOUSING),
]

SOUTHVALE_USERS = [
    DemoUser("business-unit", "Tamsin Greaves", "la", "Partnership manager", (BU,)),
    DemoUser("police-lead", "Umar Shah", "police", "Detective Inspector", (LEAD, MEM)),
    DemoUser("police-auditor", "Vera Kowalski", "police", "Detective Constable", (AUD,)),
    DemoUser("health-lead", "Wyn Pritchard", "health", "Designated Nurse", (LEAD, MEM)),
    DemoUser("la-lead", "Xander Bell", "la", "Head of Service", (LEAD, MEM)),
]


def _user(email: str, name: str) -> Any:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(email=email, defaults={"full_name": name})
    user.full_name = name
    user.is_active = True
    user.set_password(settings.DEMO_PASSWORD)
    user.save()
    return user


def load_partnership(
    *,
    slug: str,
    name: str,
    la_name: str,
    la_code: str,
    la_number: str,
    domain: str,
    agencies: list[DemoAgency],
    users: list[DemoUser],
    groups: list[dict[str, Any]],
    priorities: list[tuple[str, str]],
) -> Partnership:
    partnership, _ = Partnership.unscoped.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "local_authority_name": la_name,
            "la_code": la_code,
            "la_number": la_number,
            "require_two_factor": False,
        },
    )
    if not partnership.statistical_neighbours:
        # the DfE 2025 statistical neighbour model; the business unit may change the list
        partnership.statistical_neighbours = " ".join(dfe_2025_neighbours(la_number))
        partnership.save(update_fields=["statistical_neighbours"])
    by_key: dict[str, Agency] = {}
    for a in agencies:
        by_key[a.key], _ = Agency.unscoped.update_or_create(
            partnership=partnership,
            name=a.name,
            defaults={
                "short_name": a.short,
                "kind": a.kind,
                "sector": a.sector,
                "statutory_role": a.role,
                "is_active": True,
            },
        )
    people: dict[str, Person] = {}
    for u in users:
        email = f"{u.login}@{domain}"
        flags = {field: role in u.roles for role, field in Person.ROLE_FIELDS.items()}
        people[u.login], _ = Person.unscoped.update_or_create(
            partnership=partnership,
            email=email,
            defaults={
                "agency": by_key[u.agency],
                "user": _user(email, u.name),
                "full_name": u.name,
                "job_title": u.job,
                "is_active": True,
                **flags,
            },
        )
    by_short: dict[str, Group] = {}
    for g in groups:
        rule, number = g["quorum"]
        group, _ = Group.unscoped.update_or_create(
            partnership=partnership,
            short_name=g["short_name"],
            defaults={
                "name": g["name"],
                "purpose": g["purpose"],
                "chair": people.get(g["chair"]),
                "meeting_frequency": g["frequency"],
                "quorum_rule": rule,
                "quorum_number": number,
                "voting_rule": g["voting"],
                "is_decision_making": g.get("decides", False),
                "accountable_to": by_short.get(g.get("accountable_to", "")),
            },
        )
        by_short[group.short_name] = group
        for agency_key, position, login in g["seats"]:
            GroupMember.unscoped.update_or_create(
                partnership=partnership,
                group=group,
                agency=by_key[agency_key],
                position=position,
                defaults={
                    "person": people.get(login) if login else None,
                    "is_deputy_chair": "deputy chair" in position.lower(),
                },
            )
    this_year = current_business_year()
    for year in (this_year - 1, this_year):
        for order, (title, description) in enumerate(priorities, start=1):
            Priority.unscoped.update_or_create(
                partnership=partnership,
                business_year=year,
                title=title,
                defaults={"description": description, "order": order},
            )
    return partnership


def load_demo_partnerships(command: Any = None) -> None:
    load_partnership(
        slug="northfield",
        name="Northfield Safeguarding Children Partnership",
        la_name="Northfield",
        la_code="E08000029",
        la_number="334",
        domain="northfield.example",
        agencies=NORTHFIELD_AGENCIES,
        users=NORTHFIELD_USERS,
        groups=NORTHFIELD_GROUPS,
        priorities=NORTHFIELD_PRIORITIES,
    )
    load_partnership(
        slug="southvale",
        name="Southvale Safeguarding Children Partnership",
        la_name="Southvale",
        la_code="E06000019",
        la_number="884",
        domain="southvale.example",
        agencies=SOUTHVALE_AGENCIES,
        users=SOUTHVALE_USERS,
        groups=[
            {
                **NORTHFIELD_GROUPS[0],
                "name": "Southvale Partnership Executive",
                "chair": "la-lead",
                "seats": [
                    ("la", "Director of Children's Services", "la-lead"),
                    ("police", "Superintendent", "police-lead"),
                    ("health", "Designated Nurse", "health-lead"),
                ],
            }
        ],
        priorities=[
            ("Domestic abuse", "Children living with domestic abuse are seen and heard."),
            ("Neglect", "Neglect is recognised and acted on early."),
        ],
    )


def demo_logins() -> list[tuple[str, str, str]]:
    """(e-mail, name, what they do) for every demo user, Northfield first."""
    rows = []
    for domain, users in (
        ("northfield.example", NORTHFIELD_USERS),
        ("southvale.example", SOUTHVALE_USERS),
    ):
        for u in users:
            rows.append((f"{u.login}@{domain}", u.name, ", ".join(r.label for r in u.roles)))
    return rows


class _Writer(Protocol):
    def write(self, text: str, /) -> Any: ...


def print_logins(out: _Writer) -> None:
    out.write(
        f"\nDemo sign-ins (password: the DEMO_PASSWORD setting, now {settings.DEMO_PASSWORD!r}):\n"
    )
    for email, name, roles in demo_logins():
        out.write(f"  {email:<42} {name:<20} {roles}\n")
    out.write("\n")
