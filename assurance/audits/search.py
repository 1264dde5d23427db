"""What audits offer to the partnership's search: audits, their cases by pseudonymised
reference, and agency returns. Each reads through the audits' own scoped selectors, so search
shows only what the audit pages would. A case is found by its reference only: record numbers are
encrypted (docs/adr/005) and never searched or shown."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat

from assurance.audits import selectors
from assurance.audits.models import AgencyReturn, Audit, AuditCase
from assurance.core.links import record_link
from assurance.core.registry import SearchSource
from assurance.partnerships.models import Agency


def _audits(actor: Any) -> QuerySet[Any] | None:
    if actor.can("audit.view"):
        return selectors.visible_audits(actor=actor)
    if actor.can("audit_report.view"):
        return selectors.closed_audit_list(actor=actor)
    return None


def _audit_link(actor: Any, pk: Any) -> str:
    name = "audits:audit_detail" if actor.can("audit.view") else "audits:report"
    return record_link(name, actor.partnership.slug, key=pk)


def _cases(actor: Any) -> QuerySet[Any] | None:
    return selectors.visible_cases(actor=actor) if actor.can("case.view") else None


def _returns(actor: Any) -> QuerySet[Any] | None:
    return selectors.visible_returns(actor=actor) if actor.can("return.view") else None


AUDITS = SearchSource(
    kind="audit",
    label="Audits",
    singular="Audit",
    records=_audits,
    model=Audit,
    fields=("title", "scope", "sample_criteria"),
    title=F("title"),
    summary=F("scope"),
    when="planned_month",
    link=_audit_link,
    order=10,
)

CASES = SearchSource(
    kind="case",
    label="Case references",
    singular="Case",
    records=_cases,
    model=AuditCase,
    fields=("reference",),
    title=F("reference"),
    summary=Concat(Value("In the audit "), F("audit__title")),
    link=lambda actor, pk: record_link("audits:case_detail", actor.partnership.slug, key=pk),
    prefix=True,
    order=15,
    depends_on=((Audit, "audit"),),
)

RETURNS = SearchSource(
    kind="agency_return",
    label="Agency returns",
    singular="Agency return",
    records=_returns,
    model=AgencyReturn,
    fields=("case__reference", "agency__name"),
    title=Concat(F("agency__name"), Value(" return for case "), F("case__reference")),
    summary=Concat(Value("In the audit "), F("case__audit__title")),
    link=lambda actor, pk: record_link("audits:return_detail", actor.partnership.slug, key=pk),
    prefix=True,
    order=16,
    depends_on=((AuditCase, "case"), (Audit, "case__audit"), (Agency, "agency")),
)

SOURCES = (AUDITS, CASES, RETURNS)
