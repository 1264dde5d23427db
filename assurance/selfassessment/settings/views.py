"""The partnership's schools and colleges (settings), as the business unit and the scrutineer
see them: the list with its filters, one setting, and its history."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assurance.core.pagination import paginate
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.selfassessment.settings import selectors, services
from assurance.selfassessment.settings.forms import (
    ConfirmForm,
    SettingFilterForm,
    SettingMemberInviteForm,
)
from assurance.selfassessment.settings.models import Setting, SettingMember


class SettingListView(PartnershipViewMixin, TemplateView):
    permission = "setting.list"
    template_name = "selfassessment/setting_list.html"
    section = "self-assessment"
    page_title = "Schools and colleges"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        choices = selectors.setting_choices(actor=self.actor)
        form = SettingFilterForm(
            self.request.GET or None, phases=choices["phase"], type_groups=choices["type_group"]
        )
        filters: dict[str, str] = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v}
        settings = selectors.setting_list(actor=self.actor, **filters)
        context.update(
            paginate(self.request, settings),
            form=form,
            filtered=bool(filters),
            counts=selectors.status_counts(actor=self.actor),
        )
        return context


class OwnSettingView(PartnershipViewMixin, TemplateView):
    """Where a setting's user lands (the partnership's home sends them here): their setting."""

    permission = "setting.own"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = selectors.own_membership(actor=self.actor)
        return redirect(self.partnership_url("selfassessment:setting_detail", member.setting_id))


class SettingMemberMixin(PartnershipViewMixin):
    permission = "setting.manage"
    section = "self-assessment"

    @cached_property
    def setting(self) -> Setting:
        return selectors.get_setting(actor=self.actor, pk=self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.partnership_url("selfassessment:setting_detail", self.setting.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {
                "text": "Schools and colleges",
                "href": self.partnership_url("selfassessment:setting_list"),
            },
            {"text": self.setting.name, "href": self.get_cancel_url()},
        ]


class SettingMemberInviteView(SettingMemberMixin, FormPageView):
    form_class = SettingMemberInviteForm
    page_title = "Invite a user of the school or college"
    submit_label = "Send the invitation"
    success_message = "{record.person.full_name} has been invited by e-mail."

    def get_caption(self) -> str:
        return self.setting.name

    def get_lead(self) -> str:
        return (
            "They will get an e-mail with a link to choose their own password. The link works "
            "once, for 3 days. They will see this school's or college's self-assessment and "
            "nothing else of the partnership."
        )

    def save(self, form: SettingMemberInviteForm) -> SettingMember:
        return services.setting_member_invite(
            actor=self.actor,
            setting=self.setting,
            base_url=self.request.build_absolute_uri("/")[:-1],
            **form.cleaned_data,
        )


class SettingMemberRemoveView(SettingMemberMixin, FormPageView):
    form_class = ConfirmForm
    page_title = "Remove the user"
    submit_label = "Remove them"
    success_message = "{record.person.full_name} can no longer sign in to this setting."

    @cached_property
    def member(self) -> SettingMember:
        return selectors.get_member(
            actor=self.actor, setting=self.setting, pk=self.kwargs["member_pk"]
        )

    def get_object(self) -> Any:
        return None

    def get_revision_records(self) -> list[Any]:
        return [self.member.person]

    def get_caption(self) -> str:
        return self.setting.name

    def get_lead(self) -> str:
        return (
            f"{self.member.person.full_name} ({self.member.get_role_display().lower()}) will no "
            "longer be able to sign in to this school's or college's self-assessment. What they "
            "wrote stays."
        )

    def save(self, form: ConfirmForm) -> SettingMember:
        return services.setting_member_remove(actor=self.actor, member=self.member)


class SettingHistoryView(HistoryView):
    permission = "setting.list"
    section = "self-assessment"

    def get_object(self) -> Setting:
        return selectors.get_setting(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Setting) -> str:
        return self.partnership_url("selfassessment:setting_detail", record.pk)
