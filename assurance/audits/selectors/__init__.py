"""Reads for audits, always through the actor's scope. Agency returns in draft never leave
their agency: the business unit and the scrutineer see submitted and signed-off returns only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from assurance.audits.lifecycle import AuditFacts
from assurance.audits.models import (
    AgencyReturn,
    Audit,
    AuditCase,
    AuditStatus,
    CaseAgency,
    KeyMessage,
    ReturnStatus,
)
from assurance.audits.progress import NARRATIVE_FIELDS, SectionProgress, return_progress
from assurance.audits.selectors.findings import (
    COMPLETE as COMPLETE,
)
from assurance.audits.selectors.findings import (
    EARLIER_TOTALS_SQL as EARLIER_TOTALS_SQL,
)
from assurance.audits.selectors.findings import (
    AuditFindings as AuditFindings,
)
from assurance.audits.selectors.findings import (
    ItemFindings as ItemFindings,
)
from assurance.audits.selectors.findings import (
    OutlineItem as OutlineItem,
)
from assurance.audits.selectors.findings import (
    OutlineSection as OutlineSection,
)
from assurance.audits.selectors.findings import (
    SectionFindings as SectionFindings,
)
from assurance.audits.selectors.findings import (
    answer_counts as answer_counts,
)
from assurance.audits.selectors.findings import (
    audit_findings as audit_findings,
)
from assurance.audits.selectors.findings import (
    earlier_comparable_audit as earlier_comparable_audit,
)
from assurance.audits.selectors.findings import (
    framework_sections as framework_sections,
)
from assurance.audits.selectors.findings import (
    graded_outline as graded_outline,
)
from assurance.audits.selectors.findings import (
    key_messages as key_messages,
)
from assurance.audits.selectors.findings import (
    later_audits_of_theme as later_audits_of_theme,
)
from assurance.audits.selectors.findings import (
    standard_totals as standard_totals,
)
from assurance.core.permissions import Scope
from assurance.core.registry import follow_ups_for
from assurance.core.roles import Role
from assurance.frameworks.assessments import item_missing
from assurance.frameworks.models import Answer, Section
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Agency, Partnership


def visible_audits(*, actor: Actor) -> QuerySet[Audit]:
    """The audits the actor may open, with nothing else read (the search's sub-query): each
    once, where the scope joins their agencies."""
    audits = scoped(actor, Audit.unscoped.all(), "audit.view", agency_field="agencies")
    return audits if actor.scope("audit.view") is Scope.ALL else audits.distinct()


def audit_list(*, actor: Actor, business_year: int | None = None) -> QuerySet[Audit]:
    audits = visible_audits(actor=actor).select_related("lead", "framework", "programme")
    if business_year is not None:
        audits = audits.filter(programme__business_year=business_year)
    return audits.annotate(case_count=Count("cases", distinct=True))


def audit_choices(*, partnership: Partnership, closed: bool = False) -> QuerySet[Audit]:
    """The partnership's audits, newest first, to choose one in a form (learning from an audit,
    the baseline of a re-audit); ``closed``: only audits whose report is published."""
    audits = Audit.objects_for(partnership).order_by("-planned_month")
    return audits.filter(status=AuditStatus.CLOSED) if closed else audits


def closed_audit_list(*, actor: Actor) -> QuerySet[Audit]:
    """Audits whose report is published: what a viewer may read."""
    actor.require("audit_report.view")
    return Audit.objects_for(actor.partnership).filter(status=AuditStatus.CLOSED)


def audits_closed_since(*, actor: Actor, since: Any) -> QuerySet[Audit]:
    """Audits whose report was published (the audit closed) after ``since``, newest first,
    each with ``closed_at``: when its history first shows it closed."""
    closings = Audit.history.filter(id=OuterRef("pk"), status=AuditStatus.CLOSED).order_by(
        "history_date"
    )
    return (
        closed_audit_list(actor=actor)
        .annotate(closed_at=Subquery(closings.values("history_date")[:1]))
        .filter(closed_at__gt=since)
        .order_by("-closed_at")
    )


def get_audit(*, actor: Actor, pk: Any, permission: str = "audit.view") -> Audit:
    return get_for_actor(
        actor,
        Audit.unscoped.select_related("lead", "framework", "programme"),
        permission,
        pk,
        agency_field="agencies",
    )


def get_audit_for_report(*, actor: Actor, pk: Any) -> Audit:
    """The report of an audit: anyone who may see the audit, and viewers once it is closed."""
    if actor.can("audit.view"):
        return get_audit(actor=actor, pk=pk)
    audit = closed_audit_list(actor=actor).filter(pk=pk).select_related("framework").first()
    if audit is None:
        raise Http404("No such report.")
    return audit


def audit_facts(*, audit: Audit) -> AuditFacts:
    returns = AgencyReturn.unscoped.filter(case__audit=audit)
    graded_sections = (
        Section.objects.filter(framework_id=audit.framework_id).count() if audit.framework_id else 0
    )
    cases = AuditCase.unscoped.filter(audit=audit).annotate(
        involved=Count("involvements", distinct=True),
        graded=Count("agreed_grades", distinct=True),
    )
    return AuditFacts(
        status=audit.status,
        has_framework=audit.framework_id is not None,
        has_lead=audit.lead_id is not None,
        agency_count=audit.agencies.count(),
        has_scope=bool(audit.scope.strip() and audit.sample_criteria.strip()),
        case_count=cases.count(),
        cases_without_agencies=cases.filter(involved=0).count(),
        returns_required=returns.count(),
        returns_complete=returns.filter(status__in=COMPLETE).count(),
        missing_returns_reason=audit.missing_returns_reason,
        cases_without_agreed_grades=cases.filter(graded__lt=graded_sections).count(),
        key_message_count=KeyMessage.unscoped.filter(audit=audit).count(),
        recommendation_count=len(follow_ups_for(audit)),
    )


def case_list(*, actor: Actor, audit: Audit) -> QuerySet[AuditCase]:
    cases = scoped(
        actor,
        AuditCase.unscoped.filter(audit=audit),
        "case.view",
        agency_field="involvements__agency",
    ).distinct()
    return cases.prefetch_related(
        Prefetch(
            "involvements", queryset=CaseAgency.unscoped.select_related("agency", "agency_return")
        )
    )


def visible_cases(*, actor: Actor) -> QuerySet[AuditCase]:
    """Every case the actor may see, in any audit: all of them for the business unit and the
    scrutineer, the cases their agency is involved in for an agency lead or auditor."""
    cases = scoped(
        actor, AuditCase.unscoped.all(), "case.view", agency_field="involvements__agency"
    )
    return cases if actor.scope("case.view") is Scope.ALL else cases.distinct()


def get_case(*, actor: Actor, pk: Any) -> AuditCase:
    return get_for_actor(
        actor,
        AuditCase.unscoped.select_related("audit", "audit__framework"),
        "case.view",
        pk,
        agency_field="involvements__agency",
    )


def get_involvement(*, case: AuditCase, pk: Any) -> CaseAgency:
    """One agency's involvement in a case (a case the actor may see: fetched with get_case)."""
    involvement = CaseAgency.unscoped.filter(case=case, pk=pk).select_related("agency").first()
    if involvement is None:
        raise Http404("No such agency for this case.")
    return involvement


def audit_agency_names(*, audit: Audit) -> dict[str, Agency]:
    """The audit's agencies by each name a file may use for them: short or full, in lower case
    (a full name wins over another agency's short name)."""
    agencies = list(audit.agencies.all())
    names = {agency.short_name.lower(): agency for agency in agencies}
    names.update({agency.name.lower(): agency for agency in agencies})
    return names


def revealable_involvements(*, actor: Actor, case: AuditCase) -> set[int]:
    """The involvements whose record number the actor may ask to see (the service checks again
    and logs the viewing): all for the business unit; for an agency, its own, if the person is
    its lead or an auditor assigned to the case."""
    scope = actor.scope("record_number.view")
    involvements = CaseAgency.unscoped.filter(case=case)
    if scope is None:
        return set()
    if scope is Scope.OWN_AGENCY:
        involvements = involvements.filter(agency_id=actor.agency_id)
        if not actor.has_role(Role.AGENCY_LEAD):
            involvements = involvements.filter(agency_return__auditors=actor.person)
    return set(involvements.values_list("pk", flat=True))


def visible_returns(*, actor: Actor, permission: str = "return.view") -> QuerySet[AgencyReturn]:
    """Returns the actor may see: their own agency's (any status), others' once submitted."""
    scope = actor.require(permission)
    returns = AgencyReturn.unscoped.filter(partnership=actor.partnership)
    if scope is Scope.OWN_AGENCY:
        return returns.filter(agency_id=actor.agency_id)
    return returns.filter(Q(status__in=COMPLETE) | Q(agency_id=actor.agency_id))


def get_return(*, actor: Actor, pk: Any, permission: str = "return.view") -> AgencyReturn:
    agency_return = (
        visible_returns(actor=actor, permission=permission)
        .select_related(
            "case",
            "case__audit",
            "case__audit__framework",
            "agency",
            "assessment",
            "involvement",
            "submitted_by",
            "signed_off_by",
        )
        .filter(pk=pk)
        .first()
    )
    if agency_return is None:
        raise Http404("No such return.")
    return agency_return


def returns_for_case(*, actor: Actor, case: AuditCase) -> QuerySet[AgencyReturn]:
    return (
        visible_returns(actor=actor)
        .filter(case=case)
        .select_related("agency")
        .prefetch_related("auditors")
    )


def return_answers(*, agency_return: AgencyReturn) -> dict[int, Answer]:
    """A return's answers by standard (item), with the option chosen."""
    answers = Answer.objects.filter(assessment_id=agency_return.assessment_id)
    return {answer.item_id: answer for answer in answers.select_related("option")}


def return_pages(*, agency_return: AgencyReturn) -> list[SectionProgress]:
    """The return's task list: each KLOE's questions, answers and status, then the summary."""
    return return_progress(
        sections=framework_sections(framework_id=agency_return.assessment.framework_id),
        answers=return_answers(agency_return=agency_return),
        narrative=[getattr(agency_return, name) for name in NARRATIVE_FIELDS],
        missing=lambda item, answer: item_missing(item=item, answer=answer),
    )


def returns_progress(*, audit: Audit) -> list[dict[str, Any]]:
    """Per agency: how many returns, and how many submitted and signed off (counts only, so no
    draft content leaves the agency)."""
    rows = (
        AgencyReturn.unscoped.filter(case__audit=audit)
        .values("agency_id", "agency__name")
        .annotate(
            total=Count("id"),
            not_started=Count("id", filter=Q(status=ReturnStatus.NOT_STARTED)),
            in_progress=Count(
                "id", filter=Q(status__in=[ReturnStatus.DRAFT, ReturnStatus.RETURNED])
            ),
            submitted=Count("id", filter=Q(status=ReturnStatus.SUBMITTED)),
            signed_off=Count("id", filter=Q(status=ReturnStatus.SIGNED_OFF)),
            unassigned=Count(
                "id",
                filter=~Exists(
                    AgencyReturn.auditors.through.objects.filter(agencyreturn_id=OuterRef("pk"))
                ),
            ),
        )
        .order_by("agency__name")
    )
    return [dict(row) for row in rows]


def my_returns(*, actor: Actor) -> QuerySet[AgencyReturn]:
    """Returns assigned to the actor that still need their work."""
    return AgencyReturn.unscoped.filter(
        partnership=actor.partnership,
        auditors=actor.person,
        status__in=[ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED],
    ).select_related("case", "case__audit", "agency")


def returns_to_sign_off(*, actor: Actor) -> QuerySet[AgencyReturn]:
    if not actor.has_role(Role.AGENCY_LEAD):
        return AgencyReturn.unscoped.none()
    return AgencyReturn.unscoped.filter(
        partnership=actor.partnership, agency_id=actor.agency_id, status=ReturnStatus.SUBMITTED
    ).select_related("case", "case__audit", "agency")


def returns_to_assign(*, actor: Actor) -> QuerySet[AgencyReturn]:
    if not actor.has_role(Role.AGENCY_LEAD):
        return AgencyReturn.unscoped.none()
    return AgencyReturn.unscoped.filter(
        partnership=actor.partnership,
        agency_id=actor.agency_id,
        status=ReturnStatus.NOT_STARTED,
        auditors__isnull=True,
        case__audit__status__in=[AuditStatus.SAMPLING, AuditStatus.AUDITING],
    ).select_related("case", "case__audit", "agency")
