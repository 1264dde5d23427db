"""Background work of rounds (django-tasks): reminders to the participants that have not
submitted, two weeks, a week and a day before the deadline and after it (``rules``). Idempotent:
the send log (``ReminderSent``) has one row per participant and kind, so a second run the same
day sends nothing and a day missed is caught up by the latest reminder due.

A school's reminder goes to its safeguarding lead and deputies; an agency's to its agency
leads. Nobody to send to: nothing is sent or logged, so an invitation accepted later still
gets the next reminder."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from assurance.core.emails import send_email
from assurance.selfassessment.rounds import rules
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, ReminderSent
from assurance.selfassessment.rounds.selectors import participant_recipients


@task()
def send_round_reminders(base_url: str = "", today: str = "") -> int:
    """E-mail the reminders due today to participants that have not submitted; how many."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    participants = list(
        Participant.unscoped.exclude(status=ParticipantStatus.SUBMITTED)
        .filter(round__deadline__gte=day - timedelta(days=8))
        .select_related("round", "round__framework", "partnership", "setting", "agency")
        .order_by("pk")
    )
    sent_kinds: dict[int, set[str]] = defaultdict(set)
    for participant_id, sent_kind in ReminderSent.unscoped.filter(
        participant__in=participants
    ).values_list("participant_id", "kind"):
        sent_kinds[participant_id].add(sent_kind)
    recipients = participant_recipients(participants)
    sent = 0
    for participant in participants:
        kind = rules.reminder_due(
            deadline=participant.round.deadline, today=day, sent=sent_kinds[participant.pk]
        )
        to = recipients[participant.pk]
        if kind is None or not to:
            continue
        try:
            with transaction.atomic():
                ReminderSent.unscoped.create(
                    partnership_id=participant.partnership_id,
                    participant=participant,
                    kind=kind,
                    sent_at=timezone.now(),
                    recipients=", ".join(to),
                )
                link = f"{base_url}/p/{participant.partnership.slug}/"
                if participant.setting_id:
                    link += f"self-assessment/settings/{participant.setting_id}/"
                send_email(
                    "selfassessment/emails/round_reminder",
                    {
                        "participant": participant,
                        "round": participant.round,
                        "when": rules.REMINDER_WORDS[kind],
                        "link": link,
                    },
                    to=to,
                )
        except IntegrityError:
            continue  # sent by a run at the same time
        sent += 1
    return sent
