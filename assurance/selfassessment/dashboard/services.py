"""Writes of the dashboard: a chase of the participants chosen. Each participant reached gets a
``Chase`` row (with its history) naming who chased and to whom it goes; the e-mails are sent by
the django-tasks task ``tasks.send_chases``, queued once the rows are committed (the app's
``ready`` connects it with ``on_chased``, since services sit below tasks)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.partnerships.access import Actor, require_same_partnership
from assurance.selfassessment.dashboard import selectors
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.models import Participant, Round

# called after commit with the chases made and the service's address (for the e-mails' links)
Listener = Callable[[list[int], str], None]
_LISTENERS: list[Listener] = []


def on_chased(listener: Listener) -> None:
    """Call ``listener`` after every committed chase (the task that sends its e-mails)."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def _notify(ids: list[int], base_url: str) -> None:
    for listener in list(_LISTENERS):
        listener(ids, base_url)


def chase_send(*, actor: Actor, round: Round, ids: list[int], base_url: str = "") -> list[Chase]:
    """Chase the participants of ``ids`` that have not submitted and have someone to send to;
    the chases made (their e-mails still to send). Refused when that leaves nobody."""
    actor.require("self_assessment.manage")
    require_same_partnership(actor, round)
    candidates, _ = selectors.chase_candidates(actor=actor, round=round, ids=ids)
    reachable = [(p, to) for p, to in candidates if to]
    if not reachable:
        raise ValidationError(
            "None of those chosen can be chased: they have submitted, or nobody is invited to "
            "fill in their return."
        )
    now = timezone.now()
    with transaction.atomic():
        chases = bulk_create_with_history(
            [
                Chase(
                    partnership=actor.partnership,
                    participant=participant,
                    chased_at=now,
                    chased_by=actor.person,
                    recipients=", ".join(sorted(set(to))),
                )
                for participant, to in reachable
            ],
            Chase,
            default_user=actor.user,
            default_change_reason="Chased by e-mail",
        )
        # what the dashboard shows of them (their last chase) has changed: see Participant.version
        Participant.unscoped.filter(pk__in=[p.pk for p, _ in reachable]).update(
            version=F("version") + 1
        )
        made = [c.pk for c in chases]
        transaction.on_commit(lambda: _notify(made, base_url))
    return chases
