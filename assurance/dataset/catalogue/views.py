"""The indicator catalogue page: every indicator of the data set, by phase."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.dataset.catalogue import selectors
from assurance.partnerships.viewmixins import PartnershipViewMixin


class IndicatorListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/indicator_list.html"
    section = "dataset"
    page_title = "Data set"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicators = list(selectors.indicator_list())
        context["phases"] = [
            (phase, [i for i in indicators if i.phase == phase]) for phase in (1, 2, 3)
        ]
        return context
