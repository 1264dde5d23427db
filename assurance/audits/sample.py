"""Writes for an audit's case sample, and only writes: adding a case (entered or proposed), the
cases of an uploaded file (all or none), a draw from a list of candidates, removing a case, and
revealing an agency's record number (every viewing logged). Like ``services``, each checks the
actor's permission and the rule of the audit's current step, and records who made the change.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction

from assurance.audits import sampling
from assurance.audits.crypto import decrypt_record_number, encrypt_record_number
from assurance.audits.models import (
    AgencyReturn,
    Audit,
    AuditCase,
    AuditStatus,
    CaseAgency,
    RecordNumberViewing,
    ReturnStatus,
    SampleDraw,
)
from assurance.audits.services import AuditRuleError
from assurance.core.history import delete_as, save_as
from assurance.core.permissions import Scope
from assurance.core.roles import Role
from assurance.frameworks import assessments
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I


def _new_reference(audit: Audit) -> str:
    prefix = audit.partnership.slug[:3].upper()
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        reference = f"{prefix}-{code}"
        if not AuditCase.unscoped.filter(reference=reference).exists():
            return reference


def _require_sampling(audit: Audit) -> None:
    if audit.status not in {AuditStatus.SAMPLING, AuditStatus.SCOPING}:
        raise AuditRuleError("Cases can be added while the audit is scoping or sampling.")
    if audit.framework_id is None:
        raise AuditRuleError("Choose the audit tool before adding cases.")


def case_add(
    *,
    actor: Actor,
    audit: Audit,
    age_band: str,
    gender: str,
    ethnicity: str = "",
    selection_reason: str = "",
    agencies: Sequence[Agency],
    record_numbers: dict[int, str] | None = None,
    source: str = AuditCase.Source.ENTERED,
    draw: SampleDraw | None = None,
) -> AuditCase:
    """Add a case to the sample with a new pseudonymised reference, and a return for each
    agency involved (each against the audit's tool)."""
    if source == AuditCase.Source.PROPOSED:
        actor.require("case.propose")
    else:
        actor.require("audit.manage")
    _require_sampling(audit)
    participating = set(audit.agencies.values_list("pk", flat=True))
    outsiders = [a.name for a in agencies if a.pk not in participating]
    if outsiders:
        raise AuditRuleError(f"{', '.join(outsiders)} is not taking part in this audit.")
    if not agencies:
        raise AuditRuleError("Choose at least one agency involved with the case.")
    record_numbers = record_numbers or {}
    with transaction.atomic():
        case = save_as(
            AuditCase(
                partnership=actor.partnership,
                audit=audit,
                reference=_new_reference(audit),
                age_band=age_band,
                gender=gender,
                ethnicity=ethnicity,
                selection_reason=selection_reason,
                source=source,
                draw=draw,
                proposed_by=actor.agency if source == AuditCase.Source.PROPOSED else None,
            ),
            actor,
        )
        for agency in agencies:
            _involve(
                actor=actor,
                case=case,
                agency=agency,
                record_number=record_numbers.get(agency.pk, ""),
            )
    return case


def _involve(*, actor: Actor, case: AuditCase, agency: Agency, record_number: str) -> CaseAgency:
    involvement = CaseAgency(partnership=case.partnership, case=case, agency=agency)
    if record_number.strip():
        involvement.record_number_encrypted = encrypt_record_number(record_number)
    save_as(involvement, actor)
    if case.audit.framework is None:
        raise AuditRuleError("Choose the audit tool before adding cases.")
    assessment = assessments.assessment_start(
        framework=case.audit.framework, partnership=case.partnership
    )
    save_as(
        AgencyReturn(
            partnership=case.partnership,
            involvement=involvement,
            case=case,
            agency=agency,
            assessment=assessment,
            due_date=case.audit.returns_due,
        ),
        actor,
    )
    return involvement


def sample_draw(
    *,
    actor: Actor,
    audit: Audit,
    candidates: Sequence[sampling.Candidate],
    method: str,
    size: int,
    seed: int | None = None,
    stratify_by: str = "",
    agency_for_record_numbers: Agency,
    agency_names: dict[str, Agency],
) -> SampleDraw:
    """Draw cases from a list of candidates and add them to the sample (one transaction)."""
    actor.require("audit.manage")
    _require_sampling(audit)
    seed = seed if seed is not None else secrets.randbelow(2**31)
    if method == SampleDraw.Method.STRATIFIED:
        if not stratify_by:
            raise AuditRuleError("Choose what to stratify by.")
        chosen = sampling.stratified(candidates, size, seed, stratify_by)
    elif method in sampling.METHODS:
        chosen = sampling.METHODS[method](candidates, size, seed)
    else:
        raise AuditRuleError(f"Unknown sampling method {method!r}.")
    with transaction.atomic():
        draw = save_as(
            SampleDraw(
                partnership=actor.partnership,
                audit=audit,
                method=method,
                seed=seed,
                sample_size=size,
                stratify_by=stratify_by,
                candidate_count=len(candidates),
                candidates_sha256=sampling.candidates_fingerprint(candidates),
                drawn_by=actor.person,
            ),
            actor,
        )
        for candidate in chosen:
            _candidate_add(
                actor=actor,
                audit=audit,
                candidate=candidate,
                record_agency=agency_for_record_numbers,
                agency_names=agency_names,
                selection_reason=candidate.reason or f"Drawn: {draw.get_method_display()}",
                source=AuditCase.Source.DRAWN,
                draw=draw,
            )
    return draw


def cases_upload(
    *,
    actor: Actor,
    audit: Audit,
    candidates: Sequence[sampling.Candidate],
    record_agency: Agency,
    agency_names: dict[str, Agency],
) -> list[AuditCase]:
    """Add every case of an uploaded file to the sample, all or none (one transaction)."""
    actor.require("audit.manage")
    with transaction.atomic():
        return [
            _candidate_add(
                actor=actor,
                audit=audit,
                candidate=candidate,
                record_agency=record_agency,
                agency_names=agency_names,
                selection_reason=candidate.reason,
                source=AuditCase.Source.UPLOADED,
            )
            for candidate in candidates
        ]


def _candidate_add(
    *,
    actor: Actor,
    audit: Audit,
    candidate: sampling.Candidate,
    record_agency: Agency,
    agency_names: dict[str, Agency],
    selection_reason: str,
    source: str,
    draw: SampleDraw | None = None,
) -> AuditCase:
    """A candidate as a case: involving the agency whose record number it carries, then the
    other agencies it names (by a key of ``agency_names``)."""
    agencies = [record_agency] + [
        agency_names[name]
        for name in candidate.agencies
        if agency_names[name].pk != record_agency.pk
    ]
    return case_add(
        actor=actor,
        audit=audit,
        age_band=candidate.age_band,
        gender=candidate.gender,
        ethnicity=candidate.ethnicity,
        selection_reason=selection_reason,
        agencies=agencies,
        record_numbers={record_agency.pk: candidate.record_number},
        source=source,
        draw=draw,
    )


def case_remove(*, actor: Actor, case: AuditCase) -> None:
    actor.require("audit.manage")
    _require_sampling(case.audit)
    if AgencyReturn.unscoped.filter(case=case).exclude(status=ReturnStatus.NOT_STARTED).exists():
        raise AuditRuleError("An agency has started its return for this case.")
    with transaction.atomic():
        for agency_return in AgencyReturn.unscoped.filter(case=case):
            assessment = agency_return.assessment
            agency_return.delete()
            assessment.delete()
        delete_as(case, actor)


def record_number_reveal(*, actor: Actor, involvement: CaseAgency) -> str | None:
    """The agency's own record number for a case, shown to the business unit and to that
    agency's lead and assigned auditors only. Every viewing is logged."""
    scope = actor.require("record_number.view")
    if scope is Scope.OWN_AGENCY:
        if involvement.agency_id != actor.agency_id:
            raise PermissionDenied("This record number belongs to another agency.")
        assigned = AgencyReturn.unscoped.filter(
            involvement=involvement, auditors=actor.person
        ).exists()
        if not (actor.has_role(Role.AGENCY_LEAD) or assigned):
            raise PermissionDenied("Only auditors assigned to this case can see the number.")
    RecordNumberViewing.unscoped.create(
        partnership=actor.partnership, involvement=involvement, viewer=actor.person
    )
    return decrypt_record_number(involvement.record_number_encrypted)
