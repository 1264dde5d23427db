"""Assigning auditors to an agency's returns in an audit, many at once: an agency lead (or
the business unit) chooses one auditor for every case without one, or a person per case, on
one page; and which agencies still have returns without an auditor, for the audit's page.

The single return's assignment is ``services.return_assign``; this module's write shares its
rules (the agency's active auditors only, the actor's own agency unless they may assign for
all) and its e-mail.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404

from assurance.audits import selectors, services
from assurance.audits.models import AgencyReturn, Audit
from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.core.permissions import Scope
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Person

# --- reads -----------------------------------------------------------------------------------


def get_agency_to_assign(*, actor: Actor, audit: Audit, pk: Any) -> Agency:
    """An agency of the audit whose returns the actor may assign: a lead's own agency, any
    agency for the business unit; else 404."""
    scope = actor.require("return.assign")
    agencies = audit.agencies.all()
    if scope is Scope.OWN_AGENCY:
        agencies = agencies.filter(pk=actor.agency_id)
    agency = agencies.filter(pk=pk).first() if str(pk).isdigit() else None
    if agency is None:
        raise Http404("No such agency in this audit.")
    return agency


def returns_for_assignment(*, audit: Audit, agency: Agency) -> list[AgencyReturn]:
    """The agency's returns in the audit, by case, with their auditors (one query each)."""
    return list(
        AgencyReturn.unscoped.filter(case__audit=audit, agency=agency)
        .select_related("case", "agency")
        .prefetch_related(Prefetch("auditors", queryset=Person.unscoped.order_by("full_name")))
        .order_by("case__reference")
    )


def agencies_to_assign(*, actor: Actor, audit: Audit) -> list[dict[str, Any]]:
    """Per agency with returns of this audit that have no auditor yet: how many, and whether
    the actor may assign them (their own agency as its lead; any as the business unit)."""
    scope = actor.scope("return.assign")
    rows = []
    for row in selectors.returns_progress(audit=audit):
        if not row["unassigned"]:
            continue
        may_assign = scope is Scope.ALL or (
            scope is Scope.OWN_AGENCY and row["agency_id"] == actor.agency_id
        )
        rows.append({**row, "may_assign": may_assign})
    return rows


# --- writes ----------------------------------------------------------------------------------


def returns_assign(
    *,
    actor: Actor,
    audit: Audit,
    agency: Agency,
    auditors: dict[int, list[Person]],
    due_date: date | None,
    base_url: str,
) -> list[AgencyReturn]:
    """Assign auditors to many of one agency's returns in an audit at once (``auditors``: by
    return id; a return not named keeps its auditors). All or nothing: every return must be
    the agency's, in this audit and not yet submitted, and every person an active auditor of
    the agency, or nothing changes and the error names each problem. Each return's history
    names who assigned; each newly assigned auditor is e-mailed once, listing their cases.
    """
    services._own_agency_or_all(actor, "return.assign", agency.pk)
    returns = {
        r.pk: r
        for r in AgencyReturn.unscoped.filter(
            partnership=actor.partnership, case__audit=audit, agency=agency, pk__in=auditors
        ).select_related("case", "case__audit", "agency", "partnership")
    }
    problems = [
        f"Return {pk} is not one of {agency}'s returns in this audit."
        for pk in auditors
        if pk not in returns
    ]
    problems += [
        f"Case {r.case.reference}: the return has been submitted, so its auditors cannot change."
        for pk, r in returns.items()
        if r.is_locked and auditors[pk]
    ]
    wrong = {
        p.full_name
        for people in auditors.values()
        for p in people
        if p.agency_id != agency.pk or not p.is_auditor or not p.is_active
    }
    problems += [f"{name} is not an auditor of {agency}." for name in sorted(wrong)]
    if not any(auditors.values()):
        problems.append("Choose an auditor for every case, or for at least one case.")
    if problems:
        raise services.AuditRuleError(problems)
    new_cases: dict[int, list[AgencyReturn]] = {}
    people = {p.pk: p for group in auditors.values() for p in group}
    changed: list[AgencyReturn] = []
    with transaction.atomic():
        for pk, chosen in auditors.items():
            if not chosen:
                continue
            agency_return = AgencyReturn.unscoped.select_for_update().get(pk=pk)
            before = set(agency_return.auditors.values_list("pk", flat=True))
            agency_return.due_date = due_date or agency_return.due_date
            save_as(agency_return, actor, update_fields=["due_date"])
            agency_return.auditors.set(chosen)
            changed.append(returns[pk])
            for person in chosen:
                if person.pk not in before:
                    new_cases.setdefault(person.pk, []).append(returns[pk])
    for person_pk, assigned in new_cases.items():
        _email_assignments(returns=assigned, person=people[person_pk], base_url=base_url)
    return changed


def _email_assignments(*, returns: list[AgencyReturn], person: Person, base_url: str) -> None:
    """One e-mail to an auditor for all the returns just assigned to them."""
    if len(returns) == 1:
        services._email_assignment(agency_return=returns[0], person=person, base_url=base_url)
        return
    send_email(
        "audits/emails/returns_assigned",
        {
            "person": person,
            "first": returns[0],
            "returns": [(r, services._return_url(r, base_url)) for r in returns],
        },
        to=[person.email],
    )
