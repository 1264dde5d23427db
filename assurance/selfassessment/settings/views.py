"""The partnership's schools and colleges (settings), as the business unit and the scrutineer
see them: the list with its filters, one setting, and its history."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.core.pagination import paginate
from assurance.partnerships.viewmixins import HistoryView, PartnershipViewMixin
from assurance.selfassessment.settings import selectors
from assurance.selfassessment.settings.forms import SettingFilterForm
from assurance.selfassessment.settings.models import Setting


class SettingListView(PartnershipViewMixin, TemplateView):
    permission = "setting.view"
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


class SettingDetailView(PartnershipViewMixin, TemplateView):
    permission = "setting.view"
    template_name = "selfassessment/setting_detail.html"
    section = "self-assessment"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        setting = selectors.get_setting(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            setting=setting,
            page_title=setting.name,
            breadcrumbs=[
                {
                    "text": "Schools and colleges",
                    "href": self.partnership_url("selfassessment:setting_list"),
                }
            ],
        )
        return context


class SettingHistoryView(HistoryView):
    permission = "setting.view"
    section = "self-assessment"

    def get_object(self) -> Setting:
        return selectors.get_setting(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Setting) -> str:
        return self.partnership_url("selfassessment:setting_detail", record.pk)
