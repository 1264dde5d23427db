"""What the simulated users send, and which writes they record as acknowledged."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assurance.operations.loadtest.htmlforms import main_form
from assurance.operations.loadtest.journeys import Auditor, Recorder, _toggle, note
from assurance.operations.loadtest.plan import (
    AuditorSpec,
    LeadSpec,
    Page,
    Plan,
    ReaderSpec,
)


def _plan(auditors: int = 2, leads: int = 1) -> Plan:
    plan = Plan(partnership="northfield", password="pw", sign_in="/in/", floor="/floor/")
    plan.auditors = [AuditorSpec(f"a{n}@x.example", 100 + n, f"/r/{n}/") for n in range(auditors)]
    plan.leads = [LeadSpec(f"l{n}@x.example", 1, 10 + n, "/v/", "/api/v/") for n in range(leads)]
    plan.readers = [ReaderSpec("viewer@x.example", [Page("home", "/")])]
    plan.api_readers = [ReaderSpec("bu@x.example", [Page("API audits", "/api/audits/")])]
    return plan


def test_every_writer_once_then_readers_and_api_readers_three_to_one() -> None:
    kinds = [kind for kind, _ in _plan().users(11)]
    readers = ["reader"] * 3 + ["api"]
    assert kinds == ["auditor", "auditor", "lead", *readers, *readers]


def test_fewer_users_than_writers_are_all_writers() -> None:
    assert [kind for kind, _ in _plan(auditors=5).users(3)] == ["auditor"] * 3


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("412", "", "411"),
        ("1", "", "0"),
        ("0", "", "1"),
        ("0", "0", "0"),  # never above the denominator
        ("12.5", "", "11.5"),
        ("87.0000", "412.0000", "86"),
    ],
)
def test_a_lead_changes_a_value_by_one(numerator: str, denominator: str, expected: str) -> None:
    assert _toggle(numerator, denominator) == expected


def test_each_note_is_new_and_has_no_digits() -> None:
    notes = {note() for _ in range(100)}
    assert len(notes) == 100
    assert not any(re.search(r"\d", n) for n in notes)


RETURN_PAGE = """
<form method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <input type="hidden" name="revision" value="3">
  <input type="radio" name="item_56" value="4"><input type="radio" name="item_56" value="5">
  <textarea name="evidence_56"></textarea>
  <textarea name="item_57"></textarea>
  <textarea name="working_well"></textarea>
  <textarea name="kept_reason"></textarea>
</form>
"""


def test_an_auditor_answers_every_question_and_records_each_answer_as_a_write() -> None:
    auditor = Auditor(
        agency_return=208,
        task_list="/r/208/",
        servers=["http://127.0.0.1:1"],
        plan=_plan(),
        email="a@x.example",
        recorder=Recorder(),
        seed=1,
        start=0.0,
        deadline=0.0,
        think=(0.0, 0.0),
    )
    data, writes = auditor.fill(main_form(RETURN_PAGE))

    assert data["later"] == "later" and data["revision"] == "3"
    assert data["item_56"] in {"4", "5"}
    assert data["kept_reason"] == ""  # left as it was: not a question or the return's words
    answer = (("assessment__agency_return__pk", 208),)
    sent: dict[str, Any] = {(w.model, w.filters, w.field): w.value for w in writes}
    assert sent == {
        ("frameworks.Answer", (*answer, ("item_id", 56)), "option_id"): data["item_56"],
        ("frameworks.Answer", (*answer, ("item_id", 56)), "evidence"): data["evidence_56"],
        ("frameworks.Answer", (*answer, ("item_id", 57)), "text"): data["item_57"],
        ("audits.AgencyReturn", (("pk", 208),), "working_well"): data["working_well"],
    }
