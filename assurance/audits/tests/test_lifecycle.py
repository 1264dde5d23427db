"""An audit's steps and the rule for each (table-driven)."""

import dataclasses

import pytest

from assurance.audits.lifecycle import AuditFacts, blockers, next_status, sample_warning

READY = AuditFacts(
    status="planned",
    has_framework=True,
    has_lead=True,
    agency_count=4,
    has_scope=True,
    case_count=24,
    cases_without_agencies=0,
    returns_required=60,
    returns_complete=60,
    missing_returns_reason="",
    cases_without_agreed_grades=0,
    key_message_count=5,
    recommendation_count=3,
)


@pytest.mark.parametrize(
    "status", ["planned", "scoping", "sampling", "auditing", "moderation", "reporting"]
)
def test_a_ready_audit_may_move_to_its_next_step(status):
    assert blockers(dataclasses.replace(READY, status=status)) == []


@pytest.mark.parametrize(
    ("status", "change", "expected"),
    [
        ("planned", {"has_lead": False}, "Name the audit's lead."),
        ("scoping", {"has_framework": False}, "Choose the audit tool"),
        ("scoping", {"agency_count": 1}, "at least two participating agencies"),
        ("sampling", {"case_count": 0}, "Add cases to the sample."),
        ("sampling", {"cases_without_agencies": 2}, "2 case(s) have no agency"),
        ("auditing", {"returns_complete": 58}, "2 of 60 returns are not submitted"),
        ("moderation", {"cases_without_agreed_grades": 3}, "agreed grades for 3 case(s)"),
        ("reporting", {"key_message_count": 0}, "key messages"),
        ("reporting", {"recommendation_count": 0}, "at least one recommendation"),
        ("closed", {}, "The audit is closed."),
    ],
)
def test_each_step_names_what_is_missing(status, change, expected):
    facts = dataclasses.replace(READY, status=status, **change)
    assert any(expected in problem for problem in blockers(facts))


def test_moderation_may_start_without_a_return_when_the_lead_records_why():
    facts = dataclasses.replace(
        READY,
        status="auditing",
        returns_complete=58,
        missing_returns_reason="Housing has no record of the family.",
    )
    assert blockers(facts) == []


def test_steps_in_order():
    assert next_status("planned") == "scoping"
    assert next_status("reporting") == "closed"
    assert next_status("closed") is None


@pytest.mark.parametrize(("cases", "warns"), [(0, False), (11, True), (19, True), (24, False)])
def test_small_samples_are_warned_about(cases, warns):
    assert (sample_warning(cases) is not None) is warns
