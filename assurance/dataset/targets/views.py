"""Targets page: the business unit sets each indicator's target, tolerance and scorecard
priorities per business year; everyone in the partnership may read them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from assurance.core.business_year import (
    business_year_from,
    business_year_label,
    current_business_year,
)
from assurance.core.history import history_entries
from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.targets import selectors as targets
from assurance.dataset.targets import services as targets_services
from assurance.dataset.targets.forms import TargetForm
from assurance.partnerships.models import Priority
from assurance.partnerships.viewmixins import PartnershipViewMixin


class TargetListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/target_list.html"
    section = "dataset"
    page_title = "Targets"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = business_year_from(self.request.GET.get("year"), ahead=2)
        settings = targets.settings_by_indicator(partnership=self.partnership, business_year=year)
        this_year = current_business_year()
        context.update(
            year=year,
            year_label=business_year_label(year),
            years=[(y, business_year_label(y)) for y in range(this_year - 2, this_year + 2)],
            rows=[(i, settings.get(i.pk)) for i in selectors.indicator_list()],
            can_manage=self.actor.can("indicator.manage"),
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")}
            ],
        )
        return context


class _SettingMixin(PartnershipViewMixin):
    def indicator(self) -> Indicator:
        indicator = selectors.indicator_by_code(code=self.kwargs["code"])
        if indicator is None:
            raise Http404("No such indicator")
        return indicator

    def year(self) -> int:
        year = int(self.kwargs["year"])
        if business_year_from(year, ahead=2) != year:
            raise Http404("No such business year")
        return year


class TargetEditView(_SettingMixin, FormView):
    permission = "indicator.manage"
    template_name = "dataset/target_form.html"
    section = "dataset"
    form_class = TargetForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        self._indicator = self.indicator()
        self._setting = targets.setting_for(
            partnership=self.partnership, indicator=self._indicator, business_year=self.year()
        )
        kwargs["indicator"] = self._indicator
        kwargs["priorities"] = Priority.objects_for(self.partnership).filter(
            business_year=self.year()
        )
        if self._setting is not None and self.request.method != "POST":
            kwargs["initial"] = {
                "target": self._setting.target,
                "tolerance": self._setting.tolerance,
                "priorities": list(self._setting.priorities.all()),
            }
        return kwargs

    def form_valid(self, form: TargetForm) -> HttpResponse:
        data = form.cleaned_data
        targets_services.setting_save(
            actor=self.actor,
            indicator=self._indicator,
            business_year=self.year(),
            target=data["target"],
            tolerance=data["tolerance"],
            priorities=data["priorities"],
        )
        messages.success(
            self.request,
            f"The target for {self._indicator.title.lower()} in "
            f"{business_year_label(self.year())} has been saved.",
        )
        return redirect(f"{self.partnership_url('dataset:target_list')}?year={self.year()}")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = self.year()
        context.update(
            indicator=self._indicator,
            caption=f"{self._indicator.code} · {business_year_label(year)}",
            heading=f"Target: {self._indicator.title}",
            page_title=f"Target: {self._indicator.title}",
            lead=f"Better when: {self._indicator.get_polarity_display().lower()}. "
            f"Unit: {self._indicator.get_unit_display().lower()}.",
            cancel_url=f"{self.partnership_url('dataset:target_list')}?year={year}",
            history_url=self.partnership_url("dataset:target_history", self._indicator.code, year)
            if self._setting
            else "",
        )
        return context


class TargetHistoryView(_SettingMixin, TemplateView):
    permission = "indicator.manage"
    template_name = "dataset/target_history.html"
    section = "dataset"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicator, year = self.indicator(), self.year()
        setting = targets.setting_for(
            partnership=self.partnership, indicator=indicator, business_year=year
        )
        if setting is None:
            raise Http404("No target set")
        context.update(
            indicator=indicator,
            year_label=business_year_label(year),
            entries=history_entries(setting),
            back_url=self.partnership_url("dataset:target_edit", indicator.code, year),
            page_title=f"History of the target for {indicator.title}",
        )
        return context
