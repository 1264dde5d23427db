"""Targets page: the business unit sets each indicator's target, tolerance and scorecard
priorities per business year; everyone in the partnership may read them."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from django.http import Http404
from django.views.generic import TemplateView

from assurance.core.business_year import (
    business_year_from,
    business_year_label,
    current_business_year,
)
from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.rules import phase_adopted
from assurance.dataset.targets import selectors as targets
from assurance.dataset.targets import services as targets_services
from assurance.dataset.targets.forms import TargetForm
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Priority
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


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
        # indicators of a phase adopted by the year's end (or already given a target)
        adopted = selectors.phase_adoptions(partnership=self.partnership)
        year_end = date(year + 1, 3, 31)
        indicators = [
            i
            for i in selectors.indicator_list(partnership=self.partnership)
            if i.pk in settings or phase_adopted(i.phase, adopted, year_end)
        ]
        context.update(
            year=year,
            year_label=business_year_label(year),
            years=[(y, business_year_label(y)) for y in range(this_year - 2, this_year + 2)],
            rows=[(i, settings.get(i.pk)) for i in indicators],
            phases_chosen=bool(adopted),
            can_manage=self.actor.can("indicator.manage"),
            breadcrumbs=[
                {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")}
            ],
        )
        return context


class _SettingMixin(PartnershipViewMixin):
    """The target of the indicator (``code``) in the business year (``year``) of the URL."""

    permission = "indicator.manage"
    section = "dataset"

    @cached_property
    def indicator(self) -> Indicator:
        indicator = selectors.indicator_by_code(
            code=self.kwargs["code"], partnership=self.partnership
        )
        if indicator is None:
            raise Http404("No such indicator")
        return indicator

    @cached_property
    def year(self) -> int:
        year = int(self.kwargs["year"])
        if business_year_from(year, ahead=2) != year:
            raise Http404("No such business year")
        return year

    @cached_property
    def setting(self) -> IndicatorSetting | None:
        return targets.setting_for(
            partnership=self.partnership, indicator=self.indicator, business_year=self.year
        )


class TargetEditView(_SettingMixin, FormPageView):
    form_class = TargetForm
    history_link_text = "View the history of this target"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["indicator"] = self.indicator
        kwargs["priorities"] = Priority.objects_for(self.partnership).filter(
            business_year=self.year
        )
        if self.setting is not None and self.request.method != "POST":
            kwargs["initial"] = {
                "target": self.setting.target,
                "tolerance": self.setting.tolerance,
                "priorities": list(self.setting.priorities.all()),
            }
        return kwargs

    def get_heading(self) -> str:
        return f"Target: {self.indicator.title}"

    def get_caption(self) -> str:
        return f"{self.indicator.code} · {business_year_label(self.year)}"

    def get_lead(self) -> str:
        return (
            f"Better when: {self.indicator.get_polarity_display().lower()}. "
            f"Unit: {self.indicator.get_unit_display().lower()}."
        )

    def get_cancel_url(self) -> str:
        return f"{self.partnership_url('dataset:target_list')}?year={self.year}"

    def get_history_url(self) -> str:
        if self.setting is None:
            return ""
        return self.partnership_url("dataset:target_history", self.indicator.code, self.year)

    def save(self, form: TargetForm) -> Any:
        data = form.cleaned_data
        return targets_services.setting_save(
            actor=self.actor,
            indicator=self.indicator,
            business_year=self.year,
            target=data["target"],
            tolerance=data["tolerance"],
            priorities=data["priorities"],
        )

    def get_success_message(self, record: Any) -> str:
        return (
            f"The target for {self.indicator.title.lower()} in "
            f"{business_year_label(self.year)} has been saved."
        )


class TargetHistoryView(_SettingMixin, HistoryView):
    template_name = "dataset/target_history.html"

    def get_object(self) -> IndicatorSetting:
        if self.setting is None:
            raise Http404("No target set")
        return self.setting

    def back_url(self, record: Any) -> str:
        return self.partnership_url("dataset:target_edit", self.indicator.code, self.year)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            indicator=self.indicator,
            year_label=business_year_label(self.year),
            page_title=f"History of the target for {self.indicator.title}",
        )
        return context
