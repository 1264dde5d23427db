"""Pages of what staff say: the practitioner's survey by open link (public, no sign-in), the
round's surveys (the business unit starts and closes them), and each organisation's survey page
with its link, its QR code and its results (the business unit, the scrutineer, and the
organisation's own lead or safeguarding lead)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from assurance.core.forms import add_service_errors
from assurance.core.open_links import (
    OpenLinkFormView,
    OpenLinkPage,
    open_link_url,
    qr_code_response,
)
from assurance.core.pagination import paginate
from assurance.partnerships.viewmixins import FormPageView, PartnershipViewMixin
from assurance.selfassessment.rounds import selectors as round_selectors
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys import rules, selectors, services
from assurance.selfassessment.surveys.forms import ConfirmForm, StaffSurveyForm
from assurance.selfassessment.surveys.models import StaffSurvey

SECTION = "self-assessment-surveys"


def public_link(request: HttpRequest, survey: StaffSurvey) -> str:
    """The open link's full address, as the pages and the QR code give it."""
    return open_link_url(request, "staff_survey:form", survey.token)


# --- the practitioner's survey (no sign-in) ----------------------------------------------------


class StaffPageMixin(OpenLinkPage[StaffSurvey]):
    """A page a practitioner reaches by their organisation's open link, without signing in."""

    not_found = "No such survey."

    def find(self, token: str) -> StaffSurvey | None:
        return selectors.open_survey(token=token)

    def is_open(self, record: StaffSurvey) -> bool:
        return selectors.is_open(record)

    @property
    def survey(self) -> StaffSurvey:
        return self.record

    def page_context(self) -> dict[str, Any]:
        participant = self.survey.participant
        return {
            "survey": self.survey,
            "organisation": participant.name,
            "round": participant.round,
        }


class StaffFormView(StaffPageMixin, OpenLinkFormView[StaffSurvey]):
    template_name = "selfassessment/surveys/staff_form.html"
    form_class = StaffSurveyForm
    closed_template = "selfassessment/surveys/staff_closed.html"
    closed_title = "This survey is closed"

    @cached_property
    def standards(self) -> list[selectors.Standard]:
        return selectors.standards(round=self.survey.participant.round)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "standards": self.standards}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            self.page_context(),
            page_title=f"Safeguarding in {self.survey.participant.name}: staff survey",
            min_group=rules.MIN_GROUP,
        )
        return context

    def form_valid(self, form: StaffSurveyForm) -> HttpResponse:
        try:
            services.response_submit(
                survey=self.survey,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                client=self.request.META.get("REMOTE_ADDR", ""),
            )
        except services.TooManyRequests as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("staff_survey:thanks", args=[self.survey.token]))


class StaffThanksView(StaffPageMixin, TemplateView):
    template_name = "selfassessment/surveys/staff_thanks.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(self.page_context(), page_title="Thank you: your answers were sent")
        return context


# --- the round's surveys (business unit, scrutineer) -------------------------------------------


class RoundSurveyMixin(PartnershipViewMixin):
    section = SECTION

    @cached_property
    def round(self) -> Round:
        return round_selectors.get_round(actor=self.actor, pk=self.kwargs["pk"])

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
            {
                "text": str(self.round),
                "href": self.partnership_url("selfassessment:round_detail", self.round.pk),
            },
        ]


class RoundSurveysView(RoundSurveyMixin, TemplateView):
    permission = "self_assessment.view"
    template_name = "selfassessment/surveys/round_surveys.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = selectors.round_surveys(actor=self.actor, round=self.round)
        started = [row for row in rows if row.survey is not None]
        context.update(
            paginate(self.request, rows),
            round=self.round,
            page_title=f"What staff say: {self.round}",
            started=len(started),
            not_started=len(rows) - len(started),
            open=sum(1 for row in started if row.survey and selectors.is_open(row.survey)),
            shown=sum(1 for row in started if rules.results_shown(row.responses)),
            min_group=rules.MIN_GROUP,
            can_manage=self.actor.can("sa_survey.manage"),
            past_deadline=self.round.is_past_deadline,
        )
        return context


class SurveysStartView(RoundSurveyMixin, FormPageView):
    permission = "sa_survey.manage"
    form_class = ConfirmForm
    page_title = "Start the practitioners' survey"
    submit_label = "Start the survey"
    lead = (
        "Each organisation taking part gets its own open link to an anonymous survey of its "
        "staff on the round's standards. Anyone with the link can answer without signing in, "
        "until the round's deadline or until you close it. No organisation's results are shown "
        f"until {rules.MIN_GROUP} of its staff have answered."
    )

    def get_cancel_url(self) -> str:
        return self.partnership_url("selfassessment:round_surveys", self.round.pk)

    def save(self, form: Any) -> Round:
        made = services.surveys_start(actor=self.actor, round=self.round)
        self.made = len(made)
        return self.round

    def get_success_message(self, record: Round) -> str:
        n = self.made
        return f"{n} {'organisation has' if n == 1 else 'organisations have'} a survey link."

    def success_url_for(self, record: Round) -> str:
        return self.get_cancel_url()


class SurveysCloseView(SurveysStartView):
    page_title = "Close the practitioners' survey"
    submit_label = "Close the survey"
    lead = (
        "No organisation's link will take any more answers. The answers already sent are kept "
        "and their results stay on each organisation's page."
    )

    def save(self, form: Any) -> Round:
        self.made = services.surveys_close(actor=self.actor, round=self.round)
        return self.round

    def get_success_message(self, record: Round) -> str:
        n = self.made
        return f"{n} survey {'link is' if n == 1 else 'links are'} now closed."


# --- each organisation's survey ----------------------------------------------------------------


class SurveyListView(PartnershipViewMixin, TemplateView):
    permission = "sa_survey.view"
    template_name = "selfassessment/surveys/survey_list.html"
    section = SECTION
    page_title = "What staff say"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            paginate(self.request, selectors.survey_list(actor=self.actor)),
            min_group=rules.MIN_GROUP,
        )
        return context


class SurveyMixin(PartnershipViewMixin):
    permission = "sa_survey.view"
    section = SECTION

    @cached_property
    def survey(self) -> StaffSurvey:
        return selectors.get_survey(actor=self.actor, pk=self.kwargs["pk"])


class SurveyDetailView(SurveyMixin, TemplateView):
    template_name = "selfassessment/surveys/survey_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.survey.participant.round
        staff = self.actor.can("self_assessment.view")
        context.update(
            survey=self.survey,
            round=round,
            url=public_link(self.request, self.survey),
            is_open=selectors.is_open(self.survey),
            results=selectors.survey_results(actor=self.actor, survey=self.survey),
            min_group=rules.MIN_GROUP,
            page_title=f"What staff say: {self.survey.participant.name}",
            breadcrumbs=[
                {
                    "text": str(round),
                    "href": self.partnership_url("selfassessment:round_surveys", round.pk),
                }
            ]
            if staff
            else [
                {
                    "text": "What staff say",
                    "href": self.partnership_url("selfassessment:survey_list"),
                }
            ],
        )
        return context


class SurveyQRView(SurveyMixin, View):
    """The QR code of an organisation's open link, as a PNG to print or show on a screen."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return qr_code_response(
            public_link(request, self.survey), filename=f"staff-survey-{self.survey.pk}-qr.png"
        )
