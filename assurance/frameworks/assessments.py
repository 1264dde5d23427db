"""Completing a framework: starting an assessment, saving answers safely, checking it is whole.

Two people editing the same assessment must never silently overwrite each other: every save
names the revision it started from, and a conditional UPDATE refuses a save whose revision is
out of date (``ConflictError``), so the second person sees the conflict instead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from assurance.core.history import save_as
from assurance.frameworks.models import (
    Answer,
    Assessment,
    Framework,
    Item,
    ResponseType,
    ScaleOption,
)
from assurance.partnerships.models import Partnership


class ConflictError(Exception):
    """Someone else saved the assessment after this editor opened it."""


def framework_freeze(*, framework: Framework) -> Framework:
    """A framework version that is used can no longer change: edits make a new version."""
    if not framework.is_frozen:
        Framework.unscoped.filter(pk=framework.pk).update(is_frozen=True)
        framework.is_frozen = True
    return framework


def assessment_start(*, framework: Framework, partnership: Partnership) -> Assessment:
    if framework.partnership_id != partnership.pk:
        raise ValidationError("The framework belongs to another partnership.")
    with transaction.atomic():
        framework_freeze(framework=framework)
        return Assessment.unscoped.create(partnership=partnership, framework=framework)


def _clean_answer(item: Item, raw: dict[str, Any]) -> dict[str, Any]:
    """The stored fields of one answer, or a ValidationError naming the item."""
    value: dict[str, Any] = {
        "option": None,
        "number": None,
        "date": None,
        "text": "",
        "evidence": str(raw.get("evidence") or "").strip(),
    }
    if item.response_type in {ResponseType.SCALE, ResponseType.YES_NO_NA}:
        option = raw.get("option")
        if option not in (None, ""):
            try:
                option_id = option.pk if isinstance(option, ScaleOption) else int(option)
            except (TypeError, ValueError) as exc:
                raise ValidationError(f"{item.code}: choose one of the options given.") from exc
            if not ScaleOption.objects.filter(pk=option_id, scale_id=item.scale_id).exists():
                raise ValidationError(f"{item.code}: choose one of the options given.")
            value["option"] = option_id
    elif item.response_type == ResponseType.NUMBER:
        number = raw.get("number")
        if number not in (None, ""):
            try:
                parsed = Decimal(str(number).strip().replace(",", ""))
            except InvalidOperation as exc:
                raise ValidationError(f"{item.code}: enter a number, like 3.") from exc
            if not parsed.is_finite() or abs(parsed) >= Decimal(10) ** 10:
                raise ValidationError(f"{item.code}: enter a number, like 3.")
            value["number"] = parsed
    elif item.response_type == ResponseType.DATE:
        day = raw.get("date")
        if day not in (None, ""):
            if isinstance(day, str):
                try:
                    day = date.fromisoformat(day.strip())
                except ValueError as exc:
                    raise ValidationError(f"{item.code}: enter a date, like 2026-11-22.") from exc
            if not isinstance(day, date):
                raise ValidationError(f"{item.code}: enter a date, like 2026-11-22.")
            value["date"] = day
    else:
        value["text"] = str(raw.get("text") or "").strip()
    return value


def assessment_save_answers(
    *, assessment: Assessment, answers: dict[int, dict[str, Any]], expected_revision: int, user: Any
) -> Assessment:
    """Save answers (a draft may be incomplete). Raises ConflictError when the assessment was
    saved by someone else since ``expected_revision``; nothing is written then."""
    items = {i.pk: i for i in Item.objects.filter(section__framework_id=assessment.framework_id)}
    unknown = [key for key in answers if int(key) not in items]
    if unknown:
        raise ValidationError("An answer names a question that is not in this framework.")
    cleaned = {int(key): _clean_answer(items[int(key)], raw) for key, raw in answers.items()}
    with transaction.atomic():
        updated = Assessment.unscoped.filter(pk=assessment.pk, revision=expected_revision).update(
            revision=F("revision") + 1
        )
        if updated != 1:
            raise ConflictError("The assessment was saved by someone else.")
        existing = {a.item_id: a for a in Answer.objects.filter(assessment=assessment)}
        for item_id, value in cleaned.items():
            answer = existing.get(item_id) or Answer(assessment=assessment, item_id=item_id)
            changed = answer.pk is None or any(
                getattr(answer, "option_id" if k == "option" else k) != v for k, v in value.items()
            )
            if not changed:
                continue
            answer.option_id = value["option"]
            answer.number, answer.date = value["number"], value["date"]
            answer.text, answer.evidence = value["text"], value["evidence"]
            save_as(answer, user)
        assessment.refresh_from_db(fields=["revision", "updated_at"])
    return assessment


def item_missing(*, item: Item, answer: Answer | None) -> str:
    """What one item still needs before the assessment can be submitted ("" when nothing)."""
    if answer is None or answer.is_empty:
        return f"{item.code}: give a response."
    not_applicable = answer.option is not None and answer.option.is_not_applicable
    if item.evidence_required and not not_applicable and not answer.evidence.strip():
        return f"{item.code}: give the evidence for your response."
    return ""


def assessment_missing(*, assessment: Assessment) -> list[str]:
    """What is still needed before the assessment can be submitted, item by item."""
    answers = {
        a.item_id: a for a in Answer.objects.filter(assessment=assessment).select_related("option")
    }
    problems = []
    for item in Item.objects.filter(section__framework_id=assessment.framework_id).order_by(
        "section__order", "order"
    ):
        problem = item_missing(item=item, answer=answers.get(item.pk))
        if problem:
            problems.append(problem)
    return problems
