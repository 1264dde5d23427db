"""A return's progress, as its auditor sees it (pure: no database).

A return is completed section by section (one page per KLOE, then the summary), the GOV.UK
task list pattern: each section is *not started* (nothing answered), *in progress* (something
answered, something still needed before submitting) or *completed* (everything submitting
needs). The count at the top of the task list is of completed sections. A return is *overdue*
when its due date has passed and it is still with its auditor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class SectionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            "not_started": "Not started",
            "in_progress": "In progress",
            "completed": "Completed",
        }[self.value]


SECTION_STATUS_COLOURS = {  # GOV.UK task list tags; completed is plain text, without a tag
    SectionStatus.NOT_STARTED: "blue",
    SectionStatus.IN_PROGRESS: "light-blue",
}


@dataclass(frozen=True)
class QuestionState:
    """One question of a section: whether anything is given, and what submitting still needs
    ("" when nothing)."""

    touched: bool
    missing: str = ""


def section_status(questions: Iterable[QuestionState]) -> SectionStatus:
    """Not started when nothing is given; completed when nothing is missing; else in progress.
    A section without questions is completed."""
    states = list(questions)
    if not any(state.missing for state in states):
        return SectionStatus.COMPLETED
    if not any(state.touched for state in states):
        return SectionStatus.NOT_STARTED
    return SectionStatus.IN_PROGRESS


def summary_status(texts: Iterable[str]) -> SectionStatus:
    """The summary's boxes are all optional: started is completed."""
    return (
        SectionStatus.COMPLETED
        if any(text.strip() for text in texts)
        else SectionStatus.NOT_STARTED
    )


NARRATIVE_FIELDS = (
    "working_well",
    "worried_about",
    "needs_to_happen",
    "child_views",
    "family_views",
)
"""The summary's boxes, fields of the return (audits.models.AgencyReturn)."""

OPEN_STATUSES = frozenset({"not_started", "draft", "returned"})
"""A return's statuses while it is with its auditor (audits.models.ReturnStatus)."""


def is_overdue(*, due: date | None, status: str, today: date) -> bool:
    """Past its due date and not yet submitted (a return due today is not overdue)."""
    return due is not None and due < today and status in OPEN_STATUSES


@dataclass(frozen=True)
class Question:
    """One question of a return: the framework's item, its answer (None: never answered) and
    what submitting still needs ("" when nothing)."""

    item: Any
    answer: Any
    missing: str

    @property
    def touched(self) -> bool:
        answer = self.answer
        return answer is not None and (not answer.is_empty or bool(answer.evidence.strip()))


@dataclass(frozen=True)
class SectionProgress:
    """One page of the return: a KLOE (``section``) or, when ``section`` is None, the summary."""

    number: int  # its place in the task list, from 1
    section: Any
    questions: tuple[Question, ...]
    status: SectionStatus

    @property
    def title(self) -> str:
        if self.section is None:
            return "Summary"
        return f"{self.section.code}: {self.section.title}"

    @property
    def missing(self) -> list[Question]:
        return [q for q in self.questions if q.missing]


def return_progress(
    *,
    sections: Iterable[Any],
    answers: dict[int, Any],
    narrative: Iterable[str],
    missing: Callable[[Any, Any], str],
) -> list[SectionProgress]:
    """The task list of a return: a page per KLOE (items and answers as fetched, ``missing`` the
    framework's rule for one item and its answer), then the summary."""
    pages = []
    for number, section in enumerate(sections, start=1):
        questions = tuple(
            Question(
                item=item, answer=answers.get(item.pk), missing=missing(item, answers.get(item.pk))
            )
            for item in section.items.all()
        )
        status = section_status(QuestionState(q.touched, q.missing) for q in questions)
        pages.append(SectionProgress(number, section, questions, status))
    pages.append(SectionProgress(len(pages) + 1, None, (), summary_status(narrative)))
    return pages


def answer_text(answer: Any) -> str:
    """An answer as its auditor would say it: the option, number, date or text ("" if none)."""
    if answer is None:
        return ""
    if answer.option_id is not None:
        return str(answer.option.label)
    if answer.number is not None:
        return f"{answer.number.normalize():f}"
    if answer.date is not None:
        return f"{answer.date:%-d %B %Y}"
    return str(answer.text)


def page_state(questions: Iterable[Question], narrative: dict[str, str]) -> str:
    """A fingerprint of what a page's questions (or summary boxes) hold in the database: the
    same before and after someone else's save exactly when they changed nothing on it."""
    parts = []
    for q in questions:
        a = q.answer
        stored = (
            ("", "", "", "", "")
            if a is None
            else (a.option_id, a.number, a.date, a.text.strip(), a.evidence.strip())
        )
        parts.append(repr((q.item.pk, *map(str, stored))))
    parts += [repr((name, text.strip())) for name, text in sorted(narrative.items())]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def page_changes(
    questions: Iterable[Question],
    typed: dict[int, dict[str, Any]],
    stored_narrative: dict[str, str],
    typed_narrative: dict[str, str],
) -> dict[str, str]:
    """Where what is saved now differs from what the auditor typed, by form field name
    (``item_<pk>``, or a summary box): what is saved, in words."""
    changes = {}
    for q in questions:
        mine = typed.get(q.item.pk, {})
        a = q.answer
        theirs = {
            "option": a.option_id if a else None,
            "number": a.number if a else None,
            "date": a.date if a else None,
            "text": a.text.strip() if a else "",
            "evidence": a.evidence.strip() if a else "",
        }
        differs = any(
            (mine.get(key) or None) != (theirs[key] or None)
            for key in mine
            if key in theirs and key != "evidence"
        ) or (str(mine.get("evidence") or "").strip() != theirs["evidence"])
        if differs:
            said = answer_text(a) or "No response"
            evidence = theirs["evidence"]
            changes[f"item_{q.item.pk}"] = f"{said}. Evidence: {evidence}" if evidence else said
    for name, text in typed_narrative.items():
        saved = stored_narrative.get(name, "").strip()
        if text.strip() != saved:
            changes[name] = saved or "(left blank)"
    return changes
