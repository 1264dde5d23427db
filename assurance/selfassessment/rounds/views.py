"""The business unit's pages of rounds: the list, opening one, a round with its participants
and their state, and its history; and a setting's page, which shows the rounds it takes part
in."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.core.pagination import paginate
from assurance.core.registry import todos_for
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.selfassessment.rounds import selectors, services
from assurance.selfassessment.rounds.forms import RoundOpenForm
from assurance.selfassessment.rounds.models import ParticipantStatus, Round
from assurance.selfassessment.settings import selectors as setting_selectors
from assurance.selfassessment.settings.selectors import setting_choices

SECTION = "self-assessment-rounds"


class RoundListView(PartnershipViewMixin, TemplateView):
    permission = "self_assessment.view"
    template_name = "selfassessment/round_list.html"
    section = SECTION
    page_title = "Self-assessment rounds"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            rounds=selectors.round_list(actor=self.actor),
            can_manage=self.actor.can("self_assessment.manage"),
        )
        return context


class RoundOpenView(FormPageView):
    permission = "self_assessment.manage"
    form_class = RoundOpenForm
    section = SECTION
    page_title = "Open a self-assessment round"
    lead = (
        "Every agency, or every open school and college of the phases and types you choose, is "
        "asked to assess itself against the tool's standards by the deadline. Those that have "
        "not submitted are reminded by e-mail two weeks, a week and a day before it, and after "
        "it."
    )
    submit_label = "Open the round"

    def get_success_message(self, record: Round) -> str:
        n = record.participants.count()
        return f"The round is open: {n} {'takes' if n == 1 else 'take'} part."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        choices = setting_choices(actor=self.actor)
        kwargs.update(
            frameworks=selectors.self_assessment_frameworks(actor=self.actor),
            phases=choices["phase"],
            type_groups=choices["type_group"],
        )
        return kwargs

    def get_cancel_url(self) -> str:
        return self.partnership_url("selfassessment:round_list")

    def save(self, form: RoundOpenForm) -> Round:
        return services.round_open(actor=self.actor, **form.cleaned_data)

    def success_url_for(self, record: Round) -> str:
        return self.partnership_url("selfassessment:round_detail", record.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Rounds", "href": self.get_cancel_url()}]


class RoundDetailView(PartnershipViewMixin, TemplateView):
    permission = "self_assessment.view"
    template_name = "selfassessment/round_detail.html"
    section = SECTION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = selectors.get_round(actor=self.actor, pk=self.kwargs["pk"])
        status = self.request.GET.get("status", "")
        if status not in ParticipantStatus.values:
            status = ""
        participants = selectors.participant_list(actor=self.actor, round=round, status=status)
        context.update(
            paginate(self.request, participants),
            round=round,
            status=status,
            counts=selectors.status_counts(actor=self.actor, round=round),
            page_title=str(round),
            breadcrumbs=[
                {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")}
            ],
        )
        return context


class RoundHistoryView(HistoryView):
    permission = "self_assessment.view"
    section = SECTION

    def get_object(self) -> Round:
        return selectors.get_round(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Round) -> str:
        return self.partnership_url("selfassessment:round_detail", record.pk)


class SettingDetailView(PartnershipViewMixin, TemplateView):
    """A school's or college's page: what it is, its users, and the rounds it takes part in
    (here, above both nouns). For a school's own user it is their home page (ADR 027)."""

    permission = "setting.view"
    template_name = "selfassessment/setting_detail.html"
    section = "self-assessment"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        setting = setting_selectors.get_setting(actor=self.actor, pk=self.kwargs["pk"])
        staff = self.actor.can("setting.list")
        context.update(
            setting=setting,
            page_title=setting.name,
            staff=staff,
            members=setting_selectors.member_list(actor=self.actor, setting=setting),
            can_manage=self.actor.can("setting.manage") and setting.is_open,
            participations=selectors.setting_participations(actor=self.actor, setting=setting),
            # their home page's to-do list (the returns to fill in or sign off): a school's
            # users land here, not on the partnership's home page (ADR 027)
            todos=todos_for(self.actor) if self.actor.can("setting.own") else [],
            breadcrumbs=[
                {
                    "text": "Schools and colleges",
                    "href": self.partnership_url("selfassessment:setting_list"),
                }
            ]
            if staff
            else [],
        )
        return context
