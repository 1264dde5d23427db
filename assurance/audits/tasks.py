"""Background work for audits (Django's tasks framework, the django-tasks backport)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from assurance.audits.models import AgencyReturn, ReturnStatus
from assurance.audits.reminders import reminder_due
from assurance.core.emails import send_email


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
        link = f"{base_url}/p/{agency_return.partnership.slug}/audits/returns/{agency_return.pk}/"
        with transaction.atomic():
            send_email(
                "audits/emails/return_reminder",
                {"kind": kind, "agency_return": agency_return, "link": link},
                to=recipients,
            )
            AgencyReturn.unscoped.filter(pk=agency_return.pk).update(
                reminders_sent=agency_return.reminders_sent + 1
            )
        sent += 1
    return sent
