"""Scorecards per priority: the list of priorities and each priority's scorecard."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.core.business_year import (
    business_year_from,
    business_year_label,
    current_business_year,
)
from assurance.partnerships.access import get_for_actor
from assurance.partnerships.models import Priority
from assurance.partnerships.viewmixins import PartnershipViewMixin

from . import targets
from .scorecards import scorecard


class ScorecardListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/list.html"
    section = "scorecards"
    page_title = "Scorecards"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = business_year_from(self.request.GET.get("year"))
        this_year = current_business_year()
        context.update(
            year=year,
            year_label=business_year_label(year),
            years=[(y, business_year_label(y)) for y in range(this_year - 2, this_year + 1)],
            layout=targets.priority_indicators(partnership=self.partnership, business_year=year),
            can_manage=self.actor.can("indicator.manage"),
        )
        return context


class ScorecardView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/detail.html"
    section = "scorecards"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        priority = get_for_actor(
            self.actor, Priority.objects_for(self.partnership), "indicator.view", kwargs["pk"]
        )
        layout = [
            (p, under)
            for p, under in targets.priority_indicators(
                partnership=self.partnership, business_year=priority.business_year
            )
            if p.pk == priority.pk
        ]
        cards = scorecard(partnership=self.partnership, layout=layout)
        context.update(
            priority=priority,
            year_label=business_year_label(priority.business_year),
            rows=cards[0][1] if cards else [],
            la_name=self.partnership.local_authority_name or "The local authority",
            page_title=f"Scorecard: {priority.title}",
            can_manage=self.actor.can("indicator.manage"),
            breadcrumbs=[
                {
                    "text": "Scorecards",
                    "href": f"{self.partnership_url('dataset:scorecard_list')}"
                    f"?year={priority.business_year}",
                }
            ],
        )
        return context
