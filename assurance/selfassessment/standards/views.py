"""A round's standards: how many of the submitted returns meet each standard, with its 95%
interval and the change since the last round of the tool; and the heat map of standards ×
organisations (grouped by phase or type, then each organisation 50 a page)."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.core.kept import digest
from assurance.core.pagination import paginate
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.rounds.selectors import get_round
from assurance.selfassessment.standards import display, selectors
from assurance.selfassessment.standards.forms import FILTER_FIELDS, HeatMapForm

SECTION = "self-assessment-rounds"


class _RoundMixin(PartnershipViewMixin):
    permission = "self_assessment.view"
    section = SECTION

    def get_round(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = get_round(actor=self.actor, pk=self.kwargs["pk"])
        return self._round

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        round = self.get_round()
        return [
            {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
            {
                "text": str(round),
                "href": self.partnership_url("selfassessment:round_detail", round.pk),
            },
        ]


class RoundStandardsView(_RoundMixin, TemplateView):
    template_name = "selfassessment/standards/round_standards.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.get_round()
        context.update(
            round=round,
            figures=selectors.round_standards(actor=self.actor, round=round),
            page_title=f"How each standard is met: {round}",
        )
        return context


class HeatMapView(_RoundMixin, TemplateView):
    template_name = "selfassessment/standards/heat_map.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.get_round()
        groupings = selectors.groupings(round=round)
        # the choices and the groups' figures kept for the same submitted returns (ADR 032)
        state = selectors.submitted_state(actor=self.actor, round=round)
        choices = (
            selectors.heat_map_choices(actor=self.actor, round=round, state=state)
            if groupings
            else {"phase": [], "type_group": []}
        )
        data = self.request.GET if any(f in self.request.GET for f in FILTER_FIELDS) else None
        form = HeatMapForm(data, groupings=groupings, choices=choices)
        standards = selectors.tool_standards(framework=round.framework)
        codes = [s.code for s in standards]
        scale = standards[0].scale if standards else ()
        by = form.grouping()
        groups = (
            selectors.heat_map_groups(
                actor=self.actor, round=round, standards=standards, by=by, state=state
            )
            if by
            else []
        )
        filters = form.filters()
        filtered = any(vars(filters).values())
        page = paginate(
            self.request,
            selectors.heat_map_participants(actor=self.actor, round=round, filters=filters),
            # unfiltered, every submitted return: already counted, by group
            count=sum(g.returns for g in groups) if groups and not filtered else None,
        )
        participants = list(page["rows"])  # (pk, name)
        ratings = selectors.participant_ratings(participant_ids=[pk for pk, _ in participants])
        # each return's address is the first one's with its participant's pk (one reversal)
        returns_url = self.partnership_url("selfassessment:return_detail", 0).removesuffix("0/")
        context.update(
            page,
            round=round,
            form=form,
            filters=filters,
            filtered=filtered,
            standards=standards,
            standards_key=digest(standards),
            standards_headers=display.standards_headers(codes),
            # the filter form is drawn once per choices and values asked for (ADR 032)
            form_key=digest(
                groupings,
                choices,
                {f: self.request.GET[f] for f in FILTER_FIELDS if f in self.request.GET},
            ),
            key=display.key(scale),
            grouping_label=groupings.get(by, ""),
            group_rows=display.group_rows([(g.label, g.returns, g.figures) for g in groups]),
            organisation_rows=display.organisation_rows(
                [(name, f"{returns_url}{pk}/", ratings.get(pk, {})) for pk, name in participants],
                codes=codes,
                scale=scale,
            ),
            page_title=f"Heat map: {round}",
        )
        return context
