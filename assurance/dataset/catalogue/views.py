"""The indicator catalogue page (the national indicators by phase, and the partnership's own
local ones), and the business unit's pages to add and change a local indicator."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import Http404
from django.views.generic import TemplateView

from assurance.dataset.catalogue import selectors, services
from assurance.dataset.catalogue.forms import LocalIndicatorForm
from assurance.dataset.catalogue.models import Indicator
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class IndicatorListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/indicator_list.html"
    section = "dataset"
    page_title = "Data set"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicators = list(selectors.indicator_list(partnership=self.partnership))
        context["phases"] = [
            (phase, [i for i in indicators if i.phase == phase]) for phase in (1, 2, 3)
        ]
        context["local"] = [i for i in indicators if i.is_local]
        context["can_manage"] = self.actor.can("indicator.manage")
        return context


class _LocalMixin(PartnershipViewMixin):
    permission = "indicator.manage"
    section = "dataset"

    def catalogue_url(self) -> str:
        return self.partnership_url("dataset:indicator_list") + "#local"


class LocalIndicatorCreateView(_LocalMixin, FormPageView):
    form_class = LocalIndicatorForm
    page_title = "Add a local indicator"
    caption = "Data set"
    lead = (
        "A measure of the partnership's own, beside the national ones: only this partnership "
        "sees it. It is collected in the collection rounds of its frequency from the agencies "
        "of the same kind as the agency that answers for it."
    )
    submit_label = "Add the indicator"

    def get_cancel_url(self) -> str:
        return self.catalogue_url()

    def save(self, form: LocalIndicatorForm) -> Indicator:
        data = dict(form.cleaned_data)
        return services.local_indicator_create(
            actor=self.actor, code=data.pop("code"), owner=data.pop("owner"), **data
        )

    def success_url_for(self, record: Indicator) -> str:
        return self.partnership_url("dataset:indicator_detail", record.code)

    def get_success_message(self, record: Indicator) -> str:
        return f"{record.title} ({record.code}) has been added to the data set."


class _OneLocalMixin(_LocalMixin):
    @cached_property
    def indicator(self) -> Indicator:
        indicator = selectors.local_indicator_get(
            partnership=self.partnership, code=self.kwargs["code"]
        )
        if indicator is None:
            raise Http404("No such local indicator")
        return indicator


class LocalIndicatorEditView(_OneLocalMixin, FormPageView):
    form_class = LocalIndicatorForm
    submit_label = "Save the indicator"
    history_link_text = "View the history of this indicator"

    def get_object(self) -> Indicator:
        return self.indicator

    def get_heading(self) -> str:
        return f"Change {self.indicator.title.lower()}"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return self.get_heading()

    def get_caption(self) -> str:
        return f"{self.indicator.code} · version {self.indicator.version}"

    def get_cancel_url(self) -> str:
        return self.partnership_url("dataset:indicator_detail", self.indicator.code)

    def get_history_url(self) -> str:
        return self.partnership_url("dataset:local_indicator_history", self.indicator.code)

    def save(self, form: LocalIndicatorForm) -> Indicator:
        data = dict(form.cleaned_data)
        return services.local_indicator_update(
            actor=self.actor,
            indicator=self.indicator,
            owner=data.pop("owner"),
            changes_from=data.pop("changes_from", None),
            reason=data.pop("reason", ""),
            **data,
        )

    def get_success_message(self, record: Indicator) -> str:
        return f"{record.title} ({record.code}, version {record.version}) has been saved."


class LocalIndicatorHistoryView(_OneLocalMixin, HistoryView):
    template_name = "dataset/local_indicator_history.html"

    def get_object(self) -> Indicator:
        return self.indicator

    def back_url(self, record: Any) -> str:
        return self.partnership_url("dataset:indicator_detail", self.indicator.code)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            indicator=self.indicator,
            changes=selectors.definition_changes(indicator=self.indicator),
            page_title=f"History of {self.indicator.title}",
        )
        return context
