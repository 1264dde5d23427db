"""Who does what in a load test: read from the database the demo loaded (Northfield).

Every writing simulated user owns what they write: an auditor one return of theirs still being
filled in, an agency lead their agency's values in the open collection round (of the agencies
that have not signed them off, which locks them). So no two
simulated users ever edit one record, a refused stale save (409, 412) is a fault, not a race,
and the last acknowledged value of every field must be what the database holds at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import resolve, reverse

from assurance.audits.models import AgencyReturn, Audit, AuditStatus, ReturnStatus
from assurance.dataset.collection.models import (
    AgencySignOff,
    CollectionRound,
    IndicatorValue,
)
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Partnership, Person, Priority

FLOOR_PATH = "/__loadtest__/floor/"
READER_LOGINS = (
    "viewer",
    "group-member",
    "scrutineer",
    "business-unit",
    "police-commander",
    "health-chief-nurse",
    "analyst",
)


@dataclass(frozen=True)
class Page:
    label: str
    path: str


@dataclass(frozen=True)
class ReaderSpec:
    email: str
    pages: list[Page]


@dataclass(frozen=True)
class AuditorSpec:
    email: str
    agency_return: int
    path: str  # the return's task list


@dataclass(frozen=True)
class LeadSpec:
    email: str
    round: int
    agency: int
    form_path: str
    api_path: str


Spec = ReaderSpec | AuditorSpec | LeadSpec


@dataclass
class Plan:
    partnership: str
    password: str
    sign_in: str
    floor: str
    readers: list[ReaderSpec] = field(default_factory=list)
    api_readers: list[ReaderSpec] = field(default_factory=list)
    auditors: list[AuditorSpec] = field(default_factory=list)
    leads: list[LeadSpec] = field(default_factory=list)

    def users(self, total: int) -> list[tuple[str, Spec]]:
        """``total`` simulated users: every writer once (each owns their records), then
        readers of pages and of the API, three to one, for the rest."""
        chosen: list[tuple[str, Spec]] = [("auditor", a) for a in self.auditors]
        chosen += [("lead", lead) for lead in self.leads]
        chosen = chosen[:total]
        n = 0
        while len(chosen) < total:
            if n % 4 == 3 and self.api_readers:
                chosen.append(("api", self.api_readers[(n // 4) % len(self.api_readers)]))
            else:
                chosen.append(("reader", self.readers[n % len(self.readers)]))
            n += 1
        return chosen


def _permission(path: str) -> str:
    """The permission the page's view declares (the one permission layer decides who sees
    it), so that each reader opens only the pages their roles allow."""
    view = resolve(path).func
    return str(view.view_class.permission)  # type: ignore[attr-defined]


def _email(login: str, partnership: Partnership) -> str:
    return f"{login}@{partnership.slug}.example"


def build_plan(slug: str = "northfield") -> Plan:
    partnership = Partnership.unscoped.get(slug=slug)
    p = {"partnership_slug": slug}
    plan = Plan(
        partnership=slug,
        password=settings.DEMO_PASSWORD,
        sign_in=reverse("accounts:login"),
        floor=FLOOR_PATH,
    )
    returns = (
        AgencyReturn.objects_for(partnership)
        .filter(
            case__audit__status=AuditStatus.AUDITING,
            status__in=[ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED],
        )
        .prefetch_related("auditors__user")
        .order_by("pk")
    )
    for agency_return in returns:
        for person in agency_return.auditors.all():
            if person.user is not None:
                path = reverse("audits:return_edit", kwargs={**p, "pk": agency_return.pk})
                plan.auditors.append(AuditorSpec(person.user.email, agency_return.pk, path))
                break  # one simulated auditor per return

    open_round = (
        CollectionRound.objects_for(partnership).filter(status="open").order_by("-pk").first()
    )
    if open_round is not None:
        signed_off = AgencySignOff.objects_for(partnership).filter(round=open_round, is_locked=True)
        agencies = set(
            IndicatorValue.objects_for(partnership)
            .filter(round=open_round)
            .exclude(agency_id__in=signed_off.values("agency_id"))
            .values_list("agency_id", flat=True)
        )
        leads = Person.objects_for(partnership).filter(
            agency_id__in=agencies, is_agency_lead=True, user__isnull=False
        )
        for lead in leads.select_related("user").order_by("pk"):
            plan.leads.append(
                LeadSpec(
                    email=lead.user.email,
                    round=open_round.pk,
                    agency=lead.agency_id,
                    form_path=reverse(
                        "dataset:collection_values", kwargs={**p, "round_pk": open_round.pk}
                    ),
                    api_path=reverse("api:collection_round_values", kwargs={"pk": open_round.pk}),
                )
            )

    pages = [Page("home", reverse("partnerships:partnership_home", kwargs=p))]
    pages += [
        Page(name.replace("_", " "), reverse(f"improvement:{name}", kwargs=p))
        for name in ("action_list", "decision_log", "learning_list")
    ]
    decision_making = (
        Meeting.objects_for(partnership)
        .filter(group__is_decision_making=True)
        .order_by("-held_on")
        .first()
    )
    if decision_making is not None:
        pages.append(
            Page(
                "highlight report",
                reverse("improvement:highlight_report", kwargs={**p, "pk": decision_making.pk}),
            )
        )
    priority = Priority.objects_for(partnership).order_by("pk").first()
    if priority is not None:
        pages.append(
            Page("scorecard", reverse("dataset:scorecard", kwargs={**p, "pk": priority.pk}))
        )
    pages.append(Page("exception report", reverse("dataset:exception_report", kwargs=p)))
    pages.append(Page("audit programme", reverse("audits:programme", kwargs=p)))
    closed = Audit.objects_for(partnership).filter(status=AuditStatus.CLOSED).order_by("-pk")
    if (audit := closed.first()) is not None:
        pages.append(
            Page("audit findings", reverse("audits:findings", kwargs={**p, "audit_pk": audit.pk}))
        )
    api = [
        Page("API audits", reverse("api:audits_list")),
        Page("API actions", reverse("api:actions_list")),
        Page("API indicators", reverse("api:indicator_list")),
    ]
    if open_round is not None:
        api.append(
            Page(
                "API round values",
                reverse("api:collection_round_values", kwargs={"pk": open_round.pk}),
            )
        )
    for login in READER_LOGINS:
        email = _email(login, partnership)
        person = Person.objects_for(partnership).filter(user__email=email).first()
        if person is not None:
            actor = actor_for_person(person)
            allowed = [page for page in pages if actor.can(_permission(page.path))]
            plan.readers.append(ReaderSpec(email, allowed))
    for login in ("business-unit", "analyst"):  # they may read every agency's values
        plan.api_readers.append(ReaderSpec(_email(login, partnership), api))
    return plan
