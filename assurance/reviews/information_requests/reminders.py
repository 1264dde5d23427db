"""Reminders to an agency about its information request, sent by the reviews' reminders task
(``board.tasks.send_review_reminders``): to the agency's leads, in the two working days before
the information is due and once it is late, each once (the send log,
``InformationReminderSent``, one row per request, kind and due date). A day the task did not
run is caught up by the latest reminder due: once late, only the "late" one. Nothing once the
agency has submitted, nor once the rapid review has gone to the Panel."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction

from assurance.core.emails import send_email
from assurance.partnerships.models import Person
from assurance.reviews.clock import rules
from assurance.reviews.clock.selectors import closure_days_by_partnership
from assurance.reviews.information_requests.models import (
    InformationReminderSent,
    InformationRequest,
    InformationStatus,
)


def _waiting(day: date) -> list[InformationRequest]:
    """Requests not yet submitted, for reviews whose rapid review has not gone to the Panel,
    whose "late" reminder has not been sent."""
    return list(
        InformationRequest.unscoped.exclude(status=InformationStatus.SUBMITTED)
        .filter(incident__rapid_review__sent_on__isnull=True)
        .exclude(
            pk__in=InformationReminderSent.unscoped.filter(
                kind=InformationReminderSent.Kind.MISSED
            ).values("request_id")
        )
        .select_related("incident", "agency", "partnership")
        .order_by("pk")
    )


def send_information_reminders(*, day: date, base_url: str = "") -> int:
    """E-mail the agencies' reminders due on ``day``; how many were sent."""
    waiting = _waiting(day)
    closures = closure_days_by_partnership(
        partnership_ids=sorted({r.partnership_id for r in waiting})
    )
    leads: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in (
        Person.unscoped.filter(
            agency__in={r.agency_id for r in waiting}, is_agency_lead=True, is_active=True
        )
        .exclude(email="")
        .order_by("email")
        .values_list("agency_id", "email")
    ):
        leads[agency_id].append(email)
    already = set(
        InformationReminderSent.unscoped.filter(request__in=waiting).values_list(
            "request_id", "kind", "due"
        )
    )
    sent = 0
    for request in waiting:
        closed = closures[request.partnership_id]
        kind = rules.reminder_kind(due=request.due_on, today=day, closures=closed)
        to = leads.get(request.agency_id, [])
        if kind is None or not to or (request.pk, kind, request.due_on) in already:
            continue
        try:
            with transaction.atomic():
                InformationReminderSent.unscoped.create(
                    partnership_id=request.partnership_id,
                    request=request,
                    kind=kind,
                    due=request.due_on,
                    recipients=", ".join(to),
                )
                send_email(
                    "reviews/emails/information_reminder",
                    {
                        "kind": kind,
                        "request": request,
                        "days_left": rules.working_days_between(day, request.due_on, closed),
                        "link": f"{base_url}/p/{request.partnership.slug}/reviews/information/"
                        f"{request.pk}/",
                    },
                    to=to,
                )
        except IntegrityError:
            continue  # sent by a run at the same time
        sent += 1
    return sent
