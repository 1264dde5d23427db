"""Background work of the deadline board (django-tasks): reminders of each review's statutory
deadlines, to the people named on the review and the business unit, in the last working days
before a deadline and once it is missed. Idempotent: the send log (``ReviewReminderSent``) has
one row per review, deadline, kind and due date, so a second run sends nothing, a run missed on
one day is caught up the next, and a deadline moved (a closure day added) earns a fresh one.

The e-mails name the review by its pseudonymised reference and link to its page: nothing about
the child leaves the platform."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from assurance.core.emails import send_email
from assurance.partnerships.models import Person
from assurance.reviews.board.models import ReviewReminderSent
from assurance.reviews.board.selectors import closures_for, rows_for
from assurance.reviews.board.timeline import reminder_due
from assurance.reviews.information_requests.reminders import send_information_reminders
from assurance.reviews.notifications.models import SeriousIncident


def _record_once(**fields: object) -> bool:
    """Log a send; False if it was already sent (the unique constraint says so)."""
    try:
        with transaction.atomic():
            ReviewReminderSent.unscoped.create(**fields)
    except IntegrityError:
        return False
    return True


def open_incidents() -> list[SeriousIncident]:
    """Incidents with a deadline still to meet: no rapid review decision yet, or a practice
    review not yet published (nor decided not to be)."""
    return list(
        SeriousIncident.unscoped.filter(
            Q(rapid_review__isnull=True)
            | Q(rapid_review__decision="")
            | Q(
                rapid_review__decision="cspr",
                practice_review__published_on__isnull=True,
            )
        )
        .exclude(practice_review__publication="not_publish")
        .select_related("rapid_review", "practice_review", "partnership")
        .prefetch_related("panel")
        .order_by("pk")
    )


@task()
def send_review_reminders(base_url: str = "", today: str = "") -> int:
    """E-mail reminders of review deadlines due within two working days or missed (once each),
    and of agencies' information for the rapid review (to the agency's leads). Returns how many
    e-mails were sent."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    incidents = open_incidents()
    units: dict[int, list[str]] = defaultdict(list)
    for person in Person.unscoped.filter(
        is_business_unit=True, is_active=True, partnership__in={i.partnership_id for i in incidents}
    ).exclude(email=""):
        units[person.partnership_id].append(person.email)
    already = set(
        ReviewReminderSent.unscoped.filter(incident__in=incidents).values_list(
            "incident_id", "deadline", "kind", "due"
        )
    )
    sent = 0
    for row in rows_for(incidents, day, closures_for(incidents)):
        incident = row.incident
        panel = [p.email for p in incident.panel.all() if p.is_active and p.email]
        recipients = sorted({*units.get(incident.partnership_id, []), *panel})
        for deadline in row.timeline.deadlines:
            kind = reminder_due(deadline)
            key = (incident.pk, deadline.key, kind, deadline.due)
            if kind is None or not recipients or key in already:
                continue
            with transaction.atomic():
                if not _record_once(
                    partnership_id=incident.partnership_id,
                    incident=incident,
                    deadline=deadline.key,
                    kind=kind,
                    due=deadline.due,
                    recipients=", ".join(recipients),
                ):
                    continue
                link = f"{base_url}/p/{incident.partnership.slug}/reviews/{incident.pk}/"
                send_email(
                    "reviews/emails/deadline_reminder",
                    {
                        "kind": kind,
                        "label": deadline.label,
                        "incident": incident,
                        "due": deadline.due,
                        "when_words": deadline.when_words,
                        "link": link,
                    },
                    to=recipients,
                )
            sent += 1
    return sent + send_information_reminders(day=day, base_url=base_url)
