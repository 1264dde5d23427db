"""The authorisation matrix rows of training, from the demo's year in Northfield. The offer,
courses and sessions are for everyone in the partnership; bookings hold practitioners' names,
so only the business unit (and an agency's lead, for their agency) sees them. The
practitioner's pages (booking and the e-mailed links) need no account."""

from django.utils import timezone

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    NORTHFIELD,
    UNAUTHENTICATED,
    expect,
    public,
)
from assurance.partnerships.models import Person
from assurance.training.bookings.links import make_token
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.bookings.selectors import quarter_of
from assurance.training.courses.models import Course
from assurance.training.evaluation import links as evaluation_links
from assurance.training.evaluation.models import Invitation, Stage
from assurance.training.sessions.models import Trainer, TrainingSession

N = "northfield"


def _past_session() -> int:
    return (
        TrainingSession.unscoped.filter(partnership__slug=N, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
        .pk
    )


def _future_session() -> TrainingSession:
    return (
        TrainingSession.unscoped.filter(partnership__slug=N, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )


def _past_quarter() -> tuple[int, int]:
    """The business year and quarter of the last session held (its attendance page)."""
    session = TrainingSession.unscoped.get(pk=_past_session())
    return quarter_of(timezone.localdate(session.starts_at))


def _council_attended() -> int:
    lead = Person.unscoped.get(partnership__slug=N, email__startswith="la-lead@")
    return (
        Booking.unscoped.filter(partnership__slug=N, agency=lead.agency, attended=True)
        .order_by("pk")
        .first()
        .pk
    )


def _token(status: str, purpose: str) -> str:
    booking = (
        Booking.unscoped.filter(
            partnership__slug=N, status=status, session__starts_at__gt=timezone.now()
        )
        .order_by("pk")
        .first()
    )
    return make_token(booking_pk=booking.pk, nonce=booking.nonce, purpose=purpose)


def _questionnaire_token() -> str:
    """An open, unanswered link to a questionnaire before a session to come."""
    now = timezone.now()
    invitation = (
        Invitation.unscoped.filter(
            partnership__slug=N,
            stage=Stage.BEFORE,
            answered_at__isnull=True,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .order_by("pk")
        .first()
    )
    return evaluation_links.make_token(invitation_pk=invitation.pk, nonce=invitation.nonce)


LOOKUPS = {
    "course": lambda: (
        Course.unscoped.get(partnership__slug=N, title="Recognising and responding to neglect").pk
    ),
    "trainer": lambda: Trainer.unscoped.get(partnership__slug=N, name="Grace Okafor").pk,
    "past_session": _past_session,
    "council_attended_booking": _council_attended,
    "slug": lambda: N,
    "code": lambda: _future_session().public_code,
    "confirm_token": lambda: _token(BookingStatus.UNCONFIRMED, "confirm"),
    "cancel_token": lambda: _token(BookingStatus.CONFIRMED, "cancel"),
    "questionnaire_token": _questionnaire_token,
    "attendance_year": lambda: _past_quarter()[0],
    "attendance_quarter": lambda: _past_quarter()[1],
}

CERTIFICATE = BU | {"la-lead"}
# The evaluation's figures are pseudonymous: for everyone but the viewer; its answers for the
# business unit and the scrutineer
EVALUATION = NORTHFIELD - {"viewer"}
RESPONSES = BU | {"scrutineer"}


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


EXPECTED = {
    "training:course_list": _row(NORTHFIELD),
    "training:course_create": _row(BU),
    "training:course_detail": _row(NORTHFIELD, "course"),
    "training:course_edit": _row(BU, "course"),
    "training:course_history": _row(NORTHFIELD, "course"),
    "training:session_create": _row(BU, "course"),
    "training:session_detail": _row(NORTHFIELD, "past_session"),
    "training:session_edit": _row(BU, "past_session"),
    "training:register": _row(BU, "past_session"),
    "training:booking_manager": _row(BU, "council_attended_booking"),
    # counts by agency, no names: for everyone in the partnership, as the sessions' pages are
    "training:attendance": expect(
        allow=NORTHFIELD, kwargs={"year": "attendance_year", "quarter": "attendance_quarter"}
    ),
    "training:trainer_list": _row(NORTHFIELD),
    "training:trainer_create": _row(BU),
    "training:trainer_edit": _row(BU, "trainer"),
    # A lead sees their own agency's bookings: the police and health leads find no such record
    **{
        name: expect(
            allow=CERTIFICATE,
            hidden={"police-lead", "health-lead"},
            kwargs={"pk": "council_attended_booking"},
        )
        for name in (
            "training:certificate",
            "training:certificate_pdf",
            "training:certificate_docx",
        )
    },
    "training:course_evaluation": _row(EVALUATION, "course"),
    "training:annual_report": _row(EVALUATION),
    "training:annual_report_pdf": _row(EVALUATION),
    "training:annual_report_docx": _row(EVALUATION),
    "api:training_courses": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:training_evaluation": expect(
        allow=EVALUATION, anonymous=UNAUTHENTICATED, kwargs={"pk": "course"}
    ),
    "api:training_responses": expect(
        allow=RESPONSES, anonymous=UNAUTHENTICATED, kwargs={"pk": "course"}
    ),
    "training_public:questionnaire": expect(
        northfield="allow",
        southvale="allow",
        anonymous="allow",
        kwargs={"token": "questionnaire_token"},
    ),
    "training_public:offer": public(),
    "training_public:book": public(),
    "training_public:booking_sent": public(),
    "training_public:booking_confirm": expect(
        northfield="allow", southvale="allow", anonymous="allow", kwargs={"token": "confirm_token"}
    ),
    "training_public:booking_cancel": expect(
        northfield="allow", southvale="allow", anonymous="allow", kwargs={"token": "cancel_token"}
    ),
}
