"""Pages of information requests: the business unit sends them from a review; the agency's
people answer theirs (every section of the rapid review template on one page: save a draft,
or submit it to the review once everything is answered); the request's page shows the answers
to whoever may read them, and its history."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from assurance.audits.forms import ReturnForm
from assurance.partnerships.viewmixins import AccessLogged, FormPageView, HistoryView
from assurance.reviews.clock.rules import is_late
from assurance.reviews.information_requests import selectors, services
from assurance.reviews.information_requests.forms import SendForm
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.selectors import incident_list
from assurance.reviews.notifications.views import OneIncidentMixin, ReviewsMixin


class InformationSendView(OneIncidentMixin, FormPageView):
    permission = "review.manage"
    form_class = SendForm
    page_title = "Ask agencies for information"
    submit_label = "Send the requests"

    def get_lead(self) -> str:
        return (
            "Each agency answers the rapid review template: a chronology summary, its "
            "involvement and its early learning. Its lead is e-mailed; the answer is due in "
            "the partnership's working days (see the settings of the clock)."
        )

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": self.incident.reference, "href": self.get_cancel_url()},
        ]

    def get_initial(self) -> dict[str, Any]:
        asked = {r.agency_id for r in selectors.requests_of(incident=self.incident)}
        return {"agencies": [a for a in self.incident.agencies.all() if a.pk not in asked]}

    def save(self, form: SendForm) -> InformationRequest:
        self.sent = services.information_requests_send(
            actor=self.actor,
            incident=self.incident,
            base_url=self.request.build_absolute_uri("/")[:-1],
            **form.cleaned_data,
        )
        return self.sent[0]  # a note kept with a reason is recorded on the first

    def get_success_message(self, record: Any) -> str:
        names = ", ".join(r.agency.name for r in self.sent)
        return f"Information requested from {names}. Their leads have been e-mailed."

    def success_url_for(self, record: Any) -> str:
        return self.get_cancel_url()


class OneRequestMixin(ReviewsMixin):
    @cached_property
    def information(self) -> InformationRequest:
        return selectors.get_request(actor=self.actor, pk=self.kwargs["pk"])

    def request_url(self) -> str:
        return self.partnership_url("reviews:information_request", self.information.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        crumbs = super().get_breadcrumbs()
        incident = self.information.incident
        if incident_list(actor=self.actor).filter(pk=incident.pk).exists():
            crumbs.append(
                {
                    "text": incident.reference,
                    "href": self.partnership_url("reviews:incident_detail", incident.pk),
                }
            )
        return crumbs


class InformationDetailView(AccessLogged, OneRequestMixin, TemplateView):
    permission = "review.view"
    template_name = "reviews/information_request.html"
    access_logged = "information"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        info = self.information
        context.update(
            information=info,
            page_title=str(info),
            late=is_late(due=info.due_on, done_on=info.submitted_on, today=timezone.localdate()),
            sections=selectors.request_answers(request=info),
            can_answer=not info.is_locked
            and self.actor.can("review_information.answer")
            and info.agency_id == self.actor.agency_id,
        )
        return context


class InformationAnswerView(ReviewsMixin, FormPageView):
    """The agency's answers, every section on one page. "Save as a draft" keeps what is typed;
    "Submit to the review" needs every answer and locks them."""

    permission = "review_information.answer"
    form_class = ReturnForm
    template_name = "reviews/information_answer.html"
    submit_label = "Submit to the review"

    @cached_property
    def information(self) -> InformationRequest:
        return selectors.get_request_to_answer(actor=self.actor, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.information.is_locked:
            messages.info(request, "This information has been submitted, so it cannot be changed.")
            return redirect(self.get_cancel_url())
        return super().get(request, *args, **kwargs)

    def get_cancel_url(self) -> str:
        return self.partnership_url("reviews:information_request", self.information.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": str(self.information), "href": self.get_cancel_url()},
        ]

    def get_caption(self) -> str:
        return f"Serious incident {self.information.incident.reference}"

    def get_heading(self) -> str:
        return f"{self.information.agency.name}: information for the rapid review"

    def get_lead(self) -> str:
        return (
            f"Due {self.information.due_on:%A %-d %B %Y}. Save as a draft at any time; submit "
            "once every question is answered. Use the incident's reference only: no names, "
            "dates of birth or addresses."
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(
            sections=selectors.request_sections(request=self.information),
            answers=selectors.request_answer_map(request=self.information),
            agency_return=None,
            with_narrative=False,
        )
        kwargs.setdefault("initial", {})["revision"] = self.information.assessment.revision
        return kwargs

    @property
    def submitting(self) -> bool:
        return "draft" not in self.request.POST

    def save(self, form: ReturnForm) -> InformationRequest:
        return services.information_answers_save(
            actor=self.actor,
            request=self.information,
            answers=form.answers(),
            expected_revision=form.cleaned_data["revision"],
            submit=self.submitting,
        )

    def get_success_message(self, record: InformationRequest) -> str:
        if record.is_locked:
            return "Your agency's information has been submitted to the rapid review."
        return "Your answers have been saved. You can come back to them at any time."

    def success_url_for(self, record: InformationRequest) -> str:
        return self.get_cancel_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"Answer the information request – {self.information}"
        return context


class InformationHistoryView(OneRequestMixin, HistoryView):
    permission = "review.view"

    def get_object(self) -> InformationRequest:
        return self.information

    def back_url(self, record: Any) -> str:
        return self.request_url()
