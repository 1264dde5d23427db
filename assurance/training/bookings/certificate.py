"""The certificate of attendance, a ``core.documents.Report`` (page, PDF, Word)."""

from __future__ import annotations

from django.utils import timezone

from assurance.core.documents import Report
from assurance.training.bookings.models import Booking


def certificate_report(booking: Booking) -> Report:
    """The certificate for one who attended. Refuses anyone the register does not show as
    present: a certificate is the partnership's word that they were there."""
    if booking.attended is not True:
        raise ValueError("Only someone the register shows as present has a certificate.")
    if booking.details_removed_at is not None:
        raise ValueError("The person's name was removed at the end of the retention period.")
    session, course = booking.session, booking.session.course
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    hours = (session.ends_at - session.starts_at).total_seconds() / 3600
    report = Report(
        title="Certificate of attendance",
        subtitle=course.title,
        organisation=booking.partnership.name,
    )
    report.paragraph(
        f"This is to certify that {booking.name} ({booking.job_title}, "
        f"{booking.agency.name}) attended"
    )
    report.heading(course.title)
    report.paragraph(
        f"on {start:%A %-d %B %Y}, {start:%H:%M} to {end:%H:%M} ({hours:g} hours), "
        f"{'online' if session.mode == 'online' else 'at ' + session.venue}."
    )
    outcomes = [o.text for o in course.outcomes.all()]
    if outcomes:
        report.heading("Learning outcomes", level=3)
        report.bullets(outcomes)
    trainers = [t.name for t in session.trainers.all()]
    if trainers:
        report.paragraph("Trainers: " + ", ".join(trainers) + ".")
    report.paragraph(f"Multi-agency training of {booking.partnership.name}.")
    return report
