"""Background work for audits (Django's tasks framework, the django-tasks backport)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from assurance.audits.models import AgencyReturn, ReturnStatus
from assurance.audits.reminders import reminder_due

SUBJECTS = {
    "before": "Reminder: audit return due on {due}",
    "after": "Your audit return was due on {due}",
    "overdue": "Overdue: audit return due on {due}",
}


@task()
def send_return_reminders(base_url: str = "") -> int:
    """E-mail auditors whose returns are due soon or overdue. Returns how many were sent."""
    today = timezone.localdate()
    sent = 0
    pending = (
        AgencyReturn.unscoped.filter(
            status__in=[ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED],
            due_date__isnull=False,
        )
        .select_related("case", "case__audit", "agency", "partnership")
        .prefetch_related("auditors")
    )
    for agency_return in pending:
        kind = reminder_due(
            due=agency_return.due_date, today=today, sent=agency_return.reminders_sent
        )
        recipients = [p.email for p in agency_return.auditors.all() if p.is_active]
        if kind is None or not recipients:
            continue
        due = f"{agency_return.due_date:%-d %B %Y}"
        link = f"{base_url}/p/{agency_return.partnership.slug}/audits/returns/{agency_return.pk}/"
        with transaction.atomic():
            send_mail(
                subject=SUBJECTS[kind].format(due=due),
                message=(
                    f"The {agency_return.agency} return for case {agency_return.case.reference} "
                    f"in the audit “{agency_return.case.audit}” is due on {due}.\n\n"
                    f"Open it: {link}\n"
                ),
                from_email=None,
                recipient_list=recipients,
            )
            AgencyReturn.unscoped.filter(pk=agency_return.pk).update(
                reminders_sent=agency_return.reminders_sent + 1
            )
        sent += 1
    return sent
