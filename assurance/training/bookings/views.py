"""The business unit's pages of places and bookings: a course with its sessions' places, a
session with its bookings and waiting list, changing a session, the attendance register and
the certificate of attendance. The practitioner's own pages (no account) are in
``public.py``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from assurance.core import documents
from assurance.partnerships.viewmixins import DocumentView, FormPageView, PartnershipViewMixin
from assurance.training.bookings import selectors, services
from assurance.training.bookings.certificate import certificate_report
from assurance.training.bookings.forms import RegisterForm
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course
from assurance.training.courses.selectors import get_course
from assurance.training.sessions.forms import SessionForm
from assurance.training.sessions.models import TrainingSession


class TrainingMixin(PartnershipViewMixin):
    section = "training"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Training", "href": self.partnership_url("training:course_list")}]


class CourseDetailView(TrainingMixin, TemplateView):
    permission = "training.view"
    template_name = "training/course_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        course: Course = get_course(actor=self.actor, pk=self.kwargs["pk"])
        now = timezone.now()
        sessions = list(selectors.sessions_of_course(actor=self.actor, course=course))
        context.update(
            course=course,
            page_title=course.title,
            upcoming=[s for s in sessions if s.starts_at > now],
            past=[s for s in sessions if s.starts_at <= now],
            can_manage=self.actor.can("training.manage"),
            can_see_evaluation=self.actor.can("evaluation.view"),
        )
        return context


class OneSessionMixin(TrainingMixin):
    session_permission = "training.view"

    @property
    def training_session(self) -> TrainingSession:
        if not hasattr(self, "_session"):
            self._session = selectors.get_session_with_places(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.session_permission
            )
        return self._session

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        course = self.training_session.course
        return [
            *super().get_breadcrumbs(),
            {
                "text": course.title,
                "href": self.partnership_url("training:course_detail", course.pk),
            },
        ]

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:session_detail", self.training_session.pk)

    def get_caption(self) -> str:
        return str(self.training_session)


class SessionDetailView(OneSessionMixin, TemplateView):
    permission = "training.view"
    template_name = "training/session_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        session = self.training_session
        bookings: list[Booking] = []
        if self.actor.can("booking.view"):
            bookings = list(selectors.booking_list(actor=self.actor, session=session))
        context.update(
            session=session,
            page_title=str(session),
            booked=[b for b in bookings if b.status == BookingStatus.CONFIRMED],
            waiting=[b for b in bookings if b.status == BookingStatus.WAITING],
            can_see_bookings=self.actor.can("booking.view"),
            can_manage=self.actor.can("training.manage"),
            can_register=self.actor.can("attendance.record")
            and session.starts_at <= timezone.now(),
            booking_url=self.request.build_absolute_uri(
                reverse("training_public:book", args=[session.public_code])
            ),
        )
        return context


class AttendanceView(TrainingMixin, TemplateView):
    """A quarter's attendance registers by agency: what the data set's multi-agency training
    indicator takes, with each session's page (and register) linked."""

    permission = "training.view"
    template_name = "training/attendance.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        attendance = selectors.quarter_attendance(
            actor=self.actor, business_year=self.kwargs["year"], quarter=self.kwargs["quarter"]
        )
        context.update(
            attendance=attendance,
            page_title=f"Attendance by agency, {attendance.period.label}",
        )
        return context


class SessionEditView(OneSessionMixin, FormPageView):
    permission = "training.manage"
    form_class = SessionForm
    page_title = "Change the session"
    success_message = "The session has been saved."

    def get_object(self) -> TrainingSession:
        return self.training_session

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        s = self.training_session
        start, end = timezone.localtime(s.starts_at), timezone.localtime(s.ends_at)
        return {
            "date": start.date(),
            "starts": start.time(),
            "ends": end.time(),
            "mode": s.mode,
            "venue": s.venue,
            "capacity": s.capacity,
            "trainers": list(s.trainers.all()),
        }

    def save(self, form: SessionForm) -> TrainingSession:
        return services.session_change(
            actor=self.actor,
            session=self.training_session,
            base_url=self.request.build_absolute_uri("/").rstrip("/"),
            **form.session_fields(),
        )


class RegisterView(OneSessionMixin, FormPageView):
    permission = "attendance.record"
    form_class = RegisterForm
    page_title = "Attendance register"
    submit_label = "Save the register"
    success_message = "The register has been saved."

    def get_lead(self) -> str:
        return (
            "Those with a place on the session. Only those marked present are sent the "
            "evaluation questionnaires and can have a certificate."
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["bookings"] = Booking.unscoped.filter(
            session=self.training_session, status=BookingStatus.CONFIRMED
        ).select_related("agency")
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {
            "present": list(
                Booking.unscoped.filter(
                    session=self.training_session, status=BookingStatus.CONFIRMED, attended=True
                )
            )
        }

    def get_revision_records(self) -> list[Any]:
        return [self.training_session]

    def save(self, form: RegisterForm) -> TrainingSession:
        services.attendance_record(
            actor=self.actor,
            session=self.training_session,
            attended=form.cleaned_data["present"],
        )
        return self.training_session


class CertificateView(TrainingMixin, DocumentView):
    """A certificate of attendance, for the business unit to send or print."""

    permission = "booking.view"

    @property
    def booking(self) -> Booking:
        if not hasattr(self, "_booking"):
            self._booking = selectors.get_booking(actor=self.actor, pk=self.kwargs["pk"])
            if self._booking.attended is not True:
                raise Http404("No certificate: the register does not show them as present.")
            if self._booking.details_removed_at is not None:
                raise Http404("No certificate: their name was removed after the evaluation.")
        return self._booking

    def get_report(self) -> documents.Report:
        try:
            return certificate_report(self.booking)
        except ValueError as exc:  # pragma: no cover - the property refuses first
            raise PermissionDenied(str(exc)) from exc

    def get_filename(self) -> str:
        return f"certificate-{self.booking.respondent_id}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pk = self.booking.pk
        context.update(
            page_title="Certificate of attendance",
            pdf_url=self.partnership_url("training:certificate_pdf", pk),
            docx_url=self.partnership_url("training:certificate_docx", pk),
        )
        return context
