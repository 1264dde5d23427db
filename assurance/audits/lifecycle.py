"""The rules for each step of an audit's life (a pure function of the audit's facts).

planned → scoping → sampling → auditing → moderation → reporting → closed. Each step has
conditions; the service refuses a move whose conditions are not met, and the audit page shows
what is still needed before the next step.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDER = ["planned", "scoping", "sampling", "auditing", "moderation", "reporting", "closed"]

SMALL_SAMPLE = 20
"""Seed 004: a sample of 11 cases was too small to be representative; 24 was agreed."""


@dataclass(frozen=True)
class AuditFacts:
    status: str
    has_framework: bool
    has_lead: bool
    agency_count: int
    has_scope: bool
    case_count: int
    cases_without_agencies: int
    returns_required: int
    returns_complete: int
    missing_returns_reason: str
    cases_without_agreed_grades: int
    key_message_count: int
    recommendation_count: int


def next_status(status: str) -> str | None:
    index = ORDER.index(status)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


NAME_LEAD = "Name the audit's lead."
CHOOSE_TOOL = "Choose the audit tool (framework version)."
DESCRIBE_SCOPE = "Describe the scope and the sample criteria."
CHOOSE_AGENCIES = "Choose at least two participating agencies."

BLOCKER_FIELDS = {
    NAME_LEAD: "lead",
    CHOOSE_TOOL: "framework",
    DESCRIBE_SCOPE: "scope",
    CHOOSE_AGENCIES: "agencies",
}
"""The field of the audit's plan that resolves each blocker, so the audit page can link it."""


def blocker_links(facts: AuditFacts) -> list[tuple[str, str | None]]:
    """Each blocker with the plan's field that resolves it (None: no field does)."""
    return [(problem, BLOCKER_FIELDS.get(problem)) for problem in blockers(facts)]


def blockers(facts: AuditFacts) -> list[str]:
    """What stops the audit moving to its next step, in plain English (empty: it may move)."""
    target = next_status(facts.status)
    problems: list[str] = []
    if target is None:
        return ["The audit is closed."]
    if target == "scoping":
        if not facts.has_lead:
            problems.append(NAME_LEAD)
    elif target == "sampling":
        if not facts.has_framework:
            problems.append(CHOOSE_TOOL)
        if not facts.has_scope:
            problems.append(DESCRIBE_SCOPE)
        if facts.agency_count < 2:
            problems.append(CHOOSE_AGENCIES)
    elif target == "auditing":
        if facts.case_count == 0:
            problems.append("Add cases to the sample.")
        if facts.cases_without_agencies:
            problems.append(
                f"{facts.cases_without_agencies} case(s) have no agency involved: add the "
                "agencies that will audit each case."
            )
    elif target == "moderation":
        missing = facts.returns_required - facts.returns_complete
        if missing > 0 and not facts.missing_returns_reason.strip():
            problems.append(
                f"{missing} of {facts.returns_required} returns are not submitted. Wait for "
                "them, or record why moderation should start without them."
            )
    elif target == "reporting":
        if facts.cases_without_agreed_grades:
            problems.append(
                f"Record the agreed grades for {facts.cases_without_agreed_grades} case(s)."
            )
    elif target == "closed":
        if facts.key_message_count == 0:
            problems.append("Write the key messages of the findings.")
        if facts.recommendation_count == 0:
            problems.append(
                "Record at least one recommendation: record the learning from this audit, from "
                "which the Assurance and Review Group recommends."
            )
    return problems


def sample_warning(case_count: int) -> str | None:
    if case_count == 0:
        return None
    if case_count < SMALL_SAMPLE:
        return (
            f"A sample of {case_count} cases is too small to say much about any one standard: "
            "findings will be case-specific rather than representative (an inspection found 11 "
            "cases too few; 24 is the usual size)."
        )
    return None
