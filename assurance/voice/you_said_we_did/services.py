"""Writes of “you said, we did” answers (the business unit's)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.voice.you_said_we_did.models import YouSaidWeDid


def answer_save(*, actor: Actor, answer: YouSaidWeDid, **fields: Any) -> YouSaidWeDid:
    """Record or change an answer: what children said about a theme, what was done, and the
    action of the action log that did it (its impact is then shown beside the answer)."""
    actor.require("voice.manage")
    for name, value in fields.items():
        setattr(answer, name, value)
    answer.partnership = actor.partnership
    require_same_partnership(actor, answer.theme)
    if answer.action is not None:
        require_same_partnership(actor, answer.action)
    errors = {}
    if not (answer.you_said or "").strip():
        errors["you_said"] = "Enter what children and families said"
    if not (answer.we_did or "").strip():
        errors["we_did"] = "Enter what was done"
    today: date = timezone.localdate()
    if answer.answered_on and answer.answered_on > today:
        errors["answered_on"] = "The date of the answer must be today or in the past"
    if errors:
        raise ValidationError(errors)
    if answer.recorded_by_id is None:
        answer.recorded_by = actor.person
    return save_as(answer, actor)
