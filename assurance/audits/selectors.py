"""Reads for audits, always through the actor's scope. Agency returns in draft never leave
their agency: the business unit and the scrutineer see submitted and signed-off returns only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from assurance.audits.findings import (
    METHOD_NOTE,
    Change,
    OptionInfo,
    Scale,
    compare,
    summarise_counts,
)
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
from assurance.core.permissions import Scope
from assurance.core.registry import follow_ups_for
from assurance.core.roles import Role
from assurance.frameworks.assessments import item_missing
from assurance.frameworks.models import Answer, Framework, Item, ScaleOption, Section
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Agency, Partnership

COMPLETE = (ReturnStatus.SUBMITTED, ReturnStatus.SIGNED_OFF)


def audit_list(*, actor: Actor, business_year: int | None = None) -> QuerySet[Audit]:
    audits = scoped(
        actor,
        Audit.unscoped.select_related("lead", "framework", "programme"),
        "audit.view",
        agency_field="agencies",
    ).distinct()
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
    return scoped(
        actor, AuditCase.unscoped.all(), "case.view", agency_field="involvements__agency"
    ).distinct()


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


# --- the framework tree and findings ------------------------------------------------------------


def framework_sections(*, framework_id: int | None) -> list[Section]:
    """The tool's KLOEs with their items and scale options, in three queries."""
    if framework_id is None:
        return []
    return list(
        Section.objects.filter(framework_id=framework_id)
        .order_by("order")
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("order").select_related("scale")),
            Prefetch("items__scale__options", queryset=ScaleOption.objects.order_by("order")),
        )
    )


@dataclass(frozen=True)
class OutlineItem:
    pk: int
    code: str
    text: str
    scale: Scale

    @property
    def options(self) -> tuple[OptionInfo, ...]:
        return self.scale.options


@dataclass(frozen=True)
class OutlineSection:
    pk: int
    code: str
    title: str
    items: tuple[OutlineItem, ...]


_OUTLINES: dict[int, tuple[OutlineSection, ...]] = {}


def graded_outline(*, framework: Framework) -> tuple[OutlineSection, ...]:
    """The tool's KLOEs and graded standards with their options, as plain values.

    A frozen version never changes, so its outline is kept in memory after the first read (per
    process; nothing shared between servers is needed).
    """
    if framework.is_frozen and framework.pk in _OUTLINES:
        return _OUTLINES[framework.pk]
    outline = tuple(
        OutlineSection(
            pk=section.pk,
            code=section.code,
            title=section.title,
            items=tuple(
                OutlineItem(
                    pk=item.pk,
                    code=item.code,
                    text=item.text,
                    scale=Scale.of(
                        OptionInfo(o.id, o.label, o.meets_standard, o.is_not_applicable)
                        for o in item.scale.options.all()
                    ),
                )
                for item in section.items.all()
                if item.is_graded and item.scale is not None
            ),
        )
        for section in framework_sections(framework_id=framework.pk)
    )
    if framework.is_frozen:
        _OUTLINES[framework.pk] = outline
    return outline


@dataclass
class ItemFindings:
    item: OutlineItem
    options: list[OptionInfo]
    overall: dict[str, Any]
    by_agency: list[tuple[str, dict[str, Any]]]
    change: Change | None = None


@dataclass
class SectionFindings:
    section: OutlineSection
    items: list[ItemFindings] = field(default_factory=list)
    agreed: dict[str, int] = field(default_factory=dict)


@dataclass
class AuditFindings:
    audit: Audit
    sections: list[SectionFindings]
    case_count: int
    returns_counted: int
    agencies: list[str]
    method: str = METHOD_NOTE
    compared_with: Audit | None = None


ANSWER_COUNTS_SQL = """
SELECT a.item_id, r.agency_id, a.option_id, COUNT(*)
FROM frameworks_answer a
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN (%s, %s) AND a.option_id IS NOT NULL
GROUP BY a.item_id, r.agency_id, a.option_id
"""


def answer_counts(*, audit: Audit) -> list[tuple[int, int, int, int]]:
    """One aggregate query: (item, agency, option, count) over the audit's submitted and
    signed-off returns. Plain SQL: this is the hot path of the findings page and API."""
    with connection.cursor() as cursor:
        cursor.execute(ANSWER_COUNTS_SQL, [audit.pk, *COMPLETE])
        return cursor.fetchall()  # type: ignore[no-any-return]


EARLIER_AUDIT_SQL = """
SELECT a.* FROM audits_audit a
JOIN frameworks_framework f ON f.id = a.framework_id
JOIN frameworks_framework this ON this.id = %s AND this.family = f.family
WHERE a.partnership_id = %s AND a.theme = %s AND a.status = %s AND a.planned_month < %s
  AND a.id <> %s
ORDER BY a.planned_month DESC
LIMIT 1
"""


def earlier_comparable_audit(*, audit: Audit) -> Audit | None:
    """The latest earlier closed audit of the same theme whose tool is of the same family.

    Plain SQL (a tool's family is that of the audit's own tool, joined rather than passed): it
    is one of the reads of every findings page and API request."""
    if audit.framework_id is None:
        return None
    params = [
        audit.framework_id,
        audit.partnership_id,
        audit.theme,
        AuditStatus.CLOSED,
        connection.ops.adapt_datefield_value(audit.planned_month),
        audit.pk,
    ]
    return next(iter(Audit.unscoped.raw(EARLIER_AUDIT_SQL, params)), None)


def audit_findings(*, audit: Audit) -> AuditFindings:
    """Findings per KLOE and standard, by agency and overall, with 95% Wilson intervals, and the
    change per standard since the last comparable audit. A constant number of queries."""
    outline = graded_outline(framework=audit.framework) if audit.framework else ()
    counts = answer_counts(audit=audit)
    names = _agency_names({row[1] for row in counts})
    # Plain dicts of counts: (standard, agency) → option → answers (one row each, as grouped by
    # the query) and standard → option → answers over all agencies; each is summarised once,
    # with the standard's scale grouped once in the outline.
    by_agency: dict[tuple[int, int], dict[int, int]] = {}
    overall: dict[int, dict[int, int]] = {}
    for item_id, agency_id, option_id, n in counts:
        key = (item_id, agency_id)
        agency_counts = by_agency.get(key)
        if agency_counts is None:
            agency_counts = by_agency[key] = {}
        agency_counts[option_id] = n
        item_counts = overall.get(item_id)
        if item_counts is None:
            item_counts = overall[item_id] = {}
        item_counts[option_id] = item_counts.get(option_id, 0) + n
    by_name = sorted(names.items(), key=lambda pair: pair[1])
    earlier = earlier_comparable_audit(audit=audit)
    before = _earlier_totals(earlier) if earlier else {}
    agreed = _agreed_counts(audit)
    result = []
    for section in outline:
        section_findings = SectionFindings(section=section, agreed=agreed.get(section.pk, {}))
        for item in section.items:
            scale, item_pk = item.scale, item.pk
            summary = summarise_counts(overall.get(item_pk, {}), scale)
            findings = ItemFindings(
                item=item,
                options=list(scale.options),
                overall=summary,
                by_agency=[
                    (name, summarise_counts(by_agency[item_pk, pk], scale))
                    for pk, name in by_name
                    if (item_pk, pk) in by_agency
                ],
            )
            earlier_totals = before.get((section.code, item.code))
            if earlier_totals is not None:
                findings.change = compare(
                    *earlier_totals, int(str(summary["meeting"])), int(str(summary["assessed"]))
                )
            section_findings.items.append(findings)
        result.append(section_findings)
    case_count, returns_counted = _case_and_return_counts(audit)
    return AuditFindings(
        audit=audit,
        sections=result,
        case_count=case_count,
        returns_counted=returns_counted,
        agencies=sorted(names.values()),
        compared_with=earlier,
    )


EARLIER_TOTALS_SQL = """
SELECT s.code, i.code,
       SUM(CASE WHEN o.meets_standard THEN 1 ELSE 0 END),
       SUM(CASE WHEN o.is_not_applicable THEN 0 ELSE 1 END)
FROM frameworks_answer a
JOIN frameworks_scaleoption o ON o.id = a.option_id
JOIN frameworks_item i ON i.id = a.item_id
JOIN frameworks_section s ON s.id = i.section_id
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN (%s, %s)
GROUP BY s.code, i.code
"""


def _earlier_totals(audit: Audit) -> dict[tuple[str, str], tuple[int, int]]:
    """(KLOE code, standard code) → (meeting, assessed) in an earlier audit: standards are
    matched by code, which versions of the same tool keep."""
    with connection.cursor() as cursor:
        cursor.execute(EARLIER_TOTALS_SQL, [audit.pk, *COMPLETE])
        return {
            (kloe, code): (int(meeting), int(assessed))
            for kloe, code, meeting, assessed in cursor.fetchall()
        }


def standard_totals(*, audit: Audit) -> dict[tuple[str, str], tuple[int, int]]:
    """(KLOE code, standard code) → (meeting, assessed) over an audit's submitted and signed-off
    returns: what the learning cycle compares when an action is measured by a re-audit."""
    return _earlier_totals(audit)


def later_audits_of_theme(*, audit: Audit) -> QuerySet[Audit]:
    """Closed audits of the same partnership and theme after ``audit``, latest first."""
    return (
        Audit.unscoped.filter(
            partnership_id=audit.partnership_id,
            theme=audit.theme,
            status=AuditStatus.CLOSED,
            planned_month__gt=audit.planned_month,
        )
        .exclude(pk=audit.pk)
        .order_by("-planned_month", "-pk")
    )


# The small reads of the findings (agency names, totals, agreed grades) are plain SQL too:
# building each through the ORM cost more than running it (about 0.7 ms a query, against the
# 3 ms of the aggregate itself), on a page asked for the same audit again and again.

AGREED_COUNTS_SQL = """
SELECT g.section_id, o.label, COUNT(g.id)
FROM audits_agreedgrade g
JOIN audits_auditcase c ON c.id = g.case_id
JOIN frameworks_scaleoption o ON o.id = g.option_id
WHERE c.audit_id = %s
GROUP BY g.section_id, o.label
"""

CASE_AND_RETURN_COUNTS_SQL = """
SELECT (SELECT COUNT(*) FROM audits_auditcase WHERE audit_id = %s),
       (SELECT COUNT(*) FROM audits_agencyreturn r
        JOIN audits_auditcase c ON c.id = r.case_id
        WHERE c.audit_id = %s AND r.status IN (%s, %s))
"""


def _agreed_counts(audit: Audit) -> dict[int, dict[str, int]]:
    """KLOE → agreed grade's label → number of cases given it at moderation."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(AGREED_COUNTS_SQL, [audit.pk])
        for section_id, label, n in cursor.fetchall():
            counts[section_id][label] = n
    return counts


def _case_and_return_counts(audit: Audit) -> tuple[int, int]:
    """The audit's cases, and its submitted and signed-off returns."""
    with connection.cursor() as cursor:
        cursor.execute(CASE_AND_RETURN_COUNTS_SQL, [audit.pk, audit.pk, *COMPLETE])
        cases, returns = cursor.fetchone()
    return int(cases), int(returns)


def _agency_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name FROM partnerships_agency WHERE id IN ({placeholders})",  # noqa: S608
            sorted(ids),
        )
        return dict(cursor.fetchall())


def key_messages(*, audit: Audit) -> QuerySet[KeyMessage]:
    return KeyMessage.unscoped.filter(audit=audit).select_related("section")
