"""A return's progress (pure): each section's status, and when a return is overdue."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from assurance.audits.progress import (
    Question,
    QuestionState,
    SectionStatus,
    answer_text,
    is_overdue,
    page_changes,
    page_state,
    section_status,
    summary_status,
)

DONE = QuestionState(touched=True)
HALF = QuestionState(touched=True, missing="1.1: give the evidence for your response.")
BLANK = QuestionState(touched=False, missing="1.2: give a response.")


@pytest.mark.parametrize(
    ("questions", "status"),
    [
        ([BLANK, BLANK], SectionStatus.NOT_STARTED),
        ([DONE, BLANK], SectionStatus.IN_PROGRESS),
        ([HALF, BLANK], SectionStatus.IN_PROGRESS),
        ([HALF], SectionStatus.IN_PROGRESS),
        ([DONE, DONE], SectionStatus.COMPLETED),
        ([], SectionStatus.COMPLETED),
    ],
)
def test_a_section_is_not_started_in_progress_or_completed(questions, status):
    assert section_status(questions) == status


@pytest.mark.parametrize(
    ("texts", "status"),
    [
        (["", "  ", ""], SectionStatus.NOT_STARTED),
        (["", "The child said she feels safe.", ""], SectionStatus.COMPLETED),
    ],
)
def test_the_summary_is_optional_so_started_is_completed(texts, status):
    assert summary_status(texts) == status


TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (date(2026, 11, 19), "not_started", True),
        (date(2026, 11, 19), "draft", True),
        (date(2026, 11, 19), "returned", True),
        (date(2026, 11, 20), "draft", False),  # due today is not late yet
        (date(2026, 11, 21), "draft", False),
        (date(2026, 11, 19), "submitted", False),
        (date(2026, 11, 19), "signed_off", False),
        (None, "draft", False),
    ],
)
def test_a_return_is_overdue_once_past_its_date_and_still_with_its_auditor(due, status, overdue):
    assert is_overdue(due=due, status=status, today=TODAY) is overdue


def _answer(**fields):
    values = {"option_id": None, "option": None, "number": None, "date": None, "text": ""}
    values.update(fields)
    values.setdefault("evidence", "")
    return SimpleNamespace(**values)


def _question(pk, answer):
    return Question(item=SimpleNamespace(pk=pk, code=f"1.{pk}"), answer=answer, missing="")


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (None, ""),
        (_answer(option_id=3, option=SimpleNamespace(label="Met")), "Met"),
        (_answer(number=Decimal("3.0000")), "3"),
        (_answer(date=date(2026, 9, 4)), "4 September 2026"),
        (_answer(text="Seen weekly."), "Seen weekly."),
    ],
)
def test_an_answer_in_words(answer, text):
    assert answer_text(answer) == text


def test_a_pages_state_changes_only_when_its_own_answers_change():
    met = _answer(option_id=3, option=SimpleNamespace(label="Met"), evidence="Seen.")
    before = page_state([_question(1, met), _question(2, None)], {})
    assert page_state([_question(1, met), _question(2, None)], {}) == before
    changed = _answer(option_id=4, option=SimpleNamespace(label="Not met"), evidence="Seen.")
    assert page_state([_question(1, changed), _question(2, None)], {}) != before
    assert page_state([_question(1, met), _question(2, _answer(evidence="x"))], {}) != before
    assert page_state([], {"working_well": "a"}) != page_state([], {"working_well": "b"})


def test_the_changes_shown_after_a_conflict_are_where_saved_and_typed_differ():
    met = _answer(option_id=3, option=SimpleNamespace(label="Met"), evidence="Seen at home.")
    questions = [_question(1, met), _question(2, None), _question(3, met)]
    typed = {
        1: {"option": 4, "evidence": "Seen at home."},  # they chose another option
        2: {"option": None, "evidence": ""},  # both blank
        3: {"option": 3, "evidence": "Seen at home. "},  # the same, but for a space
    }
    changes = page_changes(questions, typed, {"working_well": "Good"}, {"working_well": "Bad"})
    assert changes == {"item_1": "Met. Evidence: Seen at home.", "working_well": "Good"}
