"""The practitioner's pages, with no account: the partnership's open sessions, the booking
form, and the pages of the e-mailed links (confirm, cancel). They tell no one who has booked:
the booking form answers the same whoever asks, and a link names only its own booking."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from assurance.core.forms import add_service_errors
from assurance.partnerships.models import Partnership
from assurance.training.bookings import links, rules, selectors, services
from assurance.training.bookings.forms import BookingForm, ConfirmForm
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.sessions.models import TrainingSession


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


class OfferView(TemplateView):
    """The partnership's sessions open for booking."""

    template_name = "training/public/offer.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        partnership = Partnership.unscoped.filter(slug=self.kwargs["slug"]).first()
        if partnership is None:
            raise Http404("No such partnership.")
        sessions = list(selectors.open_sessions(partnership=partnership, now=timezone.now()))
        rows = [(s, max(0, s.capacity - s.confirmed)) for s in sessions]  # type: ignore[attr-defined]
        context.update(partnership_name=partnership.name, rows=rows)
        return context


class BookView(FormView):
    template_name = "training/public/book.html"
    form_class = BookingForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        session = selectors.session_by_code(self.kwargs["code"])
        if session is None:
            raise Http404("No such session.")
        self.training_session: TrainingSession = session
        if not services.session_is_open(session, timezone.now()):
            return render(
                request,
                "training/public/message.html",
                {
                    "heading": "This session is not taking bookings",
                    "lines": ["It has started, ended or been cancelled."],
                    "offer_url": reverse("training_public:offer", args=[session.partnership.slug]),
                },
                status=410,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["partnership"] = self.training_session.partnership
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        session = self.training_session
        full = session.confirmed >= session.capacity  # type: ignore[attr-defined]
        context.update(session=session, course=session.course, full=full)
        return context

    def form_valid(self, form: BookingForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.booking_request(
                session=self.training_session,
                client=self.request.META.get("REMOTE_ADDR", ""),
                base_url=_base_url(self.request),
                **data,
            )
        except services.TooManyRequests as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        return HttpResponseRedirect(
            reverse("training_public:booking_sent", args=[self.training_session.public_code])
        )


class BookingSentView(TemplateView):
    template_name = "training/public/message.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        session = selectors.session_by_code(self.kwargs["code"])
        if session is None:
            raise Http404("No such session.")
        context.update(
            heading="Check your e-mail",
            lines=[
                f"We have sent an e-mail about {session.course.title} to the address you gave.",
                "Your booking is made when you follow the link in it, within 2 days. If it "
                "has not arrived in 10 minutes, check your junk mail.",
            ],
        )
        return context


class LinkView(FormView):
    """A page of an e-mailed link: GET shows what the link will do and a button; POST does it
    (e-mail scanners follow links, so a GET changes nothing). A link that cannot be used is
    refused with a page saying why (410)."""

    template_name = "training/public/link.html"
    form_class = ConfirmForm
    purpose = ""
    max_age: Any = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            pk, nonce = links.read_token(
                self.kwargs["token"], purpose=self.purpose, max_age=self.max_age
            )
        except links.LinkRefused as exc:
            return self.refused(str(exc))
        booking = selectors.booking_for_link(pk, nonce)
        if booking is None:
            return self.refused("This link has already been used or is no longer current.")
        self.booking: Booking = booking
        refusal = self.refusal()
        if refusal:
            return self.refused(refusal)
        return super().dispatch(request, *args, **kwargs)

    def refusal(self) -> str:
        return ""

    def refused(self, reason: str) -> HttpResponse:
        return render(
            self.request,
            "training/public/message.html",
            {
                "heading": "This link cannot be used",
                "lines": [
                    reason,
                    "If you still want a place, book again from the session's booking page, "
                    "or contact the partnership's business unit.",
                ],
            },
            status=410,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        session = self.booking.session
        start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        context.update(
            booking=self.booking,
            course=session.course,
            when=f"{start:%A %-d %B %Y}, {start:%H:%M} to {end:%H:%M}",
        )
        return context


class ConfirmView(LinkView):
    purpose = "confirm"
    max_age = rules.CONFIRM_FOR
    extra_context = {"heading": "Confirm your booking", "button": "Confirm my booking"}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.booking.status != BookingStatus.UNCONFIRMED:
            return self.outcome()
        return super().get(request, *args, **kwargs)

    def form_valid(self, form: ConfirmForm) -> HttpResponse:
        try:
            services.booking_confirm(booking=self.booking, base_url=_base_url(self.request))
        except ValidationError as exc:
            return self.refused(" ".join(exc.messages))
        return self.outcome()

    def outcome(self) -> HttpResponse:
        if self.booking.status == BookingStatus.CONFIRMED:
            heading, line = "Your place is confirmed", "We have e-mailed you the details."
        elif self.booking.status == BookingStatus.WAITING:
            heading = "You are on the waiting list"
            line = "The session is full. We will e-mail you if a place comes free."
        else:
            return self.refused("This booking has been cancelled.")
        return render(
            self.request,
            "training/public/message.html",
            {"heading": heading, "lines": [f"{self.booking.session}.", line]},
        )


class CancelView(LinkView):
    purpose = "cancel"
    max_age = None  # works until the session starts (checked by the service)
    extra_context = {"heading": "Cancel your booking", "button": "Cancel my booking"}

    def refusal(self) -> str:
        if self.booking.session.starts_at <= timezone.now():
            return "The session has started, so the booking can no longer be cancelled."
        return ""

    def form_valid(self, form: ConfirmForm) -> HttpResponse:
        try:
            services.booking_cancel(booking=self.booking, base_url=_base_url(self.request))
        except ValidationError as exc:
            return self.refused(" ".join(exc.messages))
        return render(
            self.request,
            "training/public/message.html",
            {
                "heading": "Your booking has been cancelled",
                "lines": [f"{self.booking.session}.", "Thank you for letting us know."],
            },
        )
