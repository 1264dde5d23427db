"""The authorisation matrix rows of the audits pages and API.

Records are Northfield's demo audits: the closed neglect deep dive (the council, police and
health take part) and a police return in the domestic abuse audit still in progress. The case
involves the police and the council but not health, so the health lead must not find it.
"""

from assurance.audits.models import AgencyReturn, Audit, AuditCase, ReturnStatus
from assurance.core.tests.matrix import (
    ALLOW,
    AUDITORS,
    BU,
    LEADS,
    NOT_ALLOWED,
    PRACTITIONERS,
    SCRUTINEER,
    UNAUTHENTICATED,
    VIEWER,
    expect,
)
from assurance.partnerships.models import Agency

POLICE = frozenset({"police-lead", "police-auditor"})
COUNCIL = frozenset({"la-lead", "la-auditor"})
HEALTH_LEAD = frozenset({"health-lead"})


def _case() -> int:
    return (
        AuditCase.unscoped.filter(
            partnership__slug="northfield",
            audit__title="Neglect deep dive",
            involvements__agency__statutory_role="police",
        )
        .exclude(involvements__agency__statutory_role="health")
        .order_by("reference")
        .first()
        .pk
    )


def _return(audit: str, statuses: tuple[str, ...]) -> int:
    """A police return of the audit in one of the statuses, of a case that does not involve
    health if there is one. (Which returns the demo leaves open changes from one load to the
    next; a return is seen by its own agency's lead only, whatever the case's agencies.)"""
    returns = AgencyReturn.unscoped.filter(
        partnership__slug="northfield",
        case__audit__title=audit,
        agency__statutory_role="police",
        status__in=statuses,
    ).order_by("pk")
    without_health = returns.exclude(case__involvements__agency__statutory_role="health")
    return (without_health.first() or returns.first()).pk


LOOKUPS = {
    "audit": lambda: (
        Audit.unscoped.get(partnership__slug="northfield", title="Neglect deep dive").pk
    ),
    "open_audit": lambda: (
        Audit.unscoped.get(partnership__slug="northfield", title="Domestic abuse dip sample").pk
    ),
    "case": _case,
    "police_agency": lambda: (
        Agency.unscoped.get(partnership__slug="northfield", statutory_role="police").pk
    ),
    "involvement": lambda: (
        AuditCase.unscoped.get(pk=_case()).involvements.get(agency__statutory_role="police").pk
    ),
    "signed_return": lambda: _return("Neglect deep dive", (ReturnStatus.SIGNED_OFF,)),
    "open_return": lambda: _return(
        "Domestic abuse dip sample", (ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT)
    ),
    "first_page": lambda: 1,
}

AUDIT = {"audit_pk": "audit"}
OPEN = {"audit_pk": "open_audit"}
CASE = {"pk": "case"}
SIGNED = {"pk": "signed_return"}
OPEN_RETURN = {"pk": "open_return"}


def _post_only(roles: frozenset[str], **kwargs):  # type: ignore[no-untyped-def]
    """A URL that answers POST only: the roles allowed in get 405, the others 403."""
    expected = expect(**kwargs)
    for role in roles:
        expected.outcomes[role] = NOT_ALLOWED
    return expected


RETURN_READERS = BU | SCRUTINEER | POLICE
CASE_READERS = BU | SCRUTINEER | POLICE | COUNCIL

EXPECTED = {
    "audits:programme": expect(allow=PRACTITIONERS),
    "audits:audit_create": expect(allow=BU),
    "audits:audit_detail": expect(allow=PRACTITIONERS, kwargs=AUDIT),
    "audits:audit_update": expect(allow=BU, kwargs=OPEN),
    "audits:audit_history": expect(allow=PRACTITIONERS, kwargs=AUDIT),
    "audits:audit_advance": _post_only(BU, kwargs=OPEN),
    "audits:missing_returns": expect(allow=BU, kwargs=OPEN),
    "audits:sample": expect(allow=BU | SCRUTINEER | LEADS | AUDITORS, kwargs=AUDIT),
    "audits:case_add": expect(allow=BU | LEADS, kwargs=OPEN),
    "audits:case_upload": expect(allow=BU, kwargs=OPEN),
    "audits:draw": expect(allow=BU, kwargs=OPEN),
    # The police's returns in the open audit: their lead and the business unit assign them.
    "audits:assign_returns": expect(
        allow=BU | {"police-lead"},
        hidden=LEADS - {"police-lead"},
        kwargs={**OPEN, "agency_pk": "police_agency"},
    ),
    "audits:moderation": expect(allow=BU | SCRUTINEER | LEADS | AUDITORS, kwargs=AUDIT),
    "audits:moderation_meeting": expect(allow=BU, kwargs=AUDIT),
    "audits:findings": expect(allow=PRACTITIONERS, kwargs=AUDIT),
    "audits:key_message_add": expect(allow=BU, kwargs=AUDIT),
    "audits:learning_event_add": expect(allow=BU, kwargs=AUDIT),
    # Leads to recording the audit's learning (one path for recommendations: ADR 007)
    "audits:recommendation_add": expect(redirect=BU, kwargs=AUDIT),
    "audits:my_returns": expect(allow=BU | SCRUTINEER | LEADS | AUDITORS),
    "audits:case_detail": expect(allow=CASE_READERS, hidden=HEALTH_LEAD, kwargs=CASE),
    "audits:record_number": _post_only(
        BU | LEADS | AUDITORS, kwargs={"pk": "case", "involvement_pk": "involvement"}
    ),
    "audits:return_detail": expect(
        allow=RETURN_READERS, hidden=COUNCIL | HEALTH_LEAD, kwargs=SIGNED
    ),
    # Completing a return: the task list, a page of it, check your answers (its own agency's
    # lead and assigned auditors only).
    "audits:return_edit": expect(allow=POLICE, hidden=COUNCIL | HEALTH_LEAD, kwargs=OPEN_RETURN),
    "audits:return_section": expect(
        allow=POLICE, hidden=COUNCIL | HEALTH_LEAD, kwargs={**OPEN_RETURN, "number": "first_page"}
    ),
    "audits:return_check": expect(allow=POLICE, hidden=COUNCIL | HEALTH_LEAD, kwargs=OPEN_RETURN),
    "audits:return_assign": expect(
        allow=BU | {"police-lead"}, hidden=(LEADS - {"police-lead"}), kwargs=SIGNED
    ),
    "audits:return_decision": _post_only(LEADS, kwargs=SIGNED),
    "audits:return_history": expect(
        allow=RETURN_READERS, hidden=COUNCIL | HEALTH_LEAD, kwargs=SIGNED
    ),
    # The API
    "api:audits_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:audits_findings": expect(
        allow=PRACTITIONERS, anonymous=UNAUTHENTICATED, kwargs={"pk": "audit"}
    ),
}

# The report: everyone in the partnership may read a closed audit's report (viewers included).
EXPECTED.update(
    {
        "audits:report": expect(allow=PRACTITIONERS | VIEWER, kwargs=AUDIT),
        "audits:report_pdf": expect(allow=PRACTITIONERS | VIEWER, kwargs=AUDIT),
        "audits:report_docx": expect(allow=PRACTITIONERS | VIEWER, kwargs=AUDIT),
    }
)

# Excel: an agency's own returns to complete offline; everything about an audit for the BU.
EXPECTED.update(
    {
        "audits:return_workbook": expect(allow=LEADS | AUDITORS, kwargs=OPEN),
        "audits:return_upload": expect(allow=LEADS | AUDITORS, kwargs=OPEN),
        "audits:audit_workbook": expect(allow=BU, kwargs=AUDIT),
    }
)
