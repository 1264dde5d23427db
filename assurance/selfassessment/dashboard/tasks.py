"""Background work of the dashboard (django-tasks): sending the e-mails of a chase, one to each
person who fills in the participant's return, and stamping each chase as sent. A chase already
sent is not sent again (a task run twice sends nothing more)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from assurance.core.emails import send_email
from assurance.selfassessment.dashboard import rules
from assurance.selfassessment.dashboard.models import Chase


@task()
def send_chases(chase_ids: list[int], base_url: str = "") -> int:
    """E-mail the chases of ``chase_ids`` not yet sent; how many e-mails went."""
    today = timezone.localdate()
    sent = 0
    chases = (
        Chase.unscoped.filter(pk__in=chase_ids, sent_at__isnull=True)
        .select_related(
            "participant",
            "participant__round",
            "participant__round__framework",
            "participant__round__partnership",
            "participant__setting",
            "participant__agency",
        )
        .order_by("pk")
    )
    for chase in chases:
        participant = chase.participant
        round = participant.round
        link = f"{base_url}/p/{round.partnership.slug}/"
        if participant.setting_id:
            link += f"self-assessment/settings/{participant.setting_id}/"
        context = {
            "participant": participant,
            "round": round,
            "link": link,
            "overdue": rules.is_overdue(
                status=participant.status, deadline=round.deadline, today=today
            ),
        }
        for address in [a.strip() for a in chase.recipients.split(",") if a.strip()]:
            sent += send_email("selfassessment/emails/round_chase", context, to=[address])
        # The send stamp is the task's own bookkeeping, not a person's change
        Chase.unscoped.filter(pk=chase.pk).update(sent_at=timezone.now())
    return sent


def send_chases_enqueue(chase_ids: list[int], base_url: str) -> None:
    """Queue the sending of a chase's e-mails (connected by the app's ``ready``)."""
    send_chases.enqueue(chase_ids=chase_ids, base_url=base_url)
