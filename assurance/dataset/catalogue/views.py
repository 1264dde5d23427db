"""The indicator catalogue page (the national indicators by phase, and the partnership's own
local ones), and the business unit's pages to add and change a local indicator, to choose the
phases adopted and to confirm which agencies report each indicator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from django import forms
from django.http import Http404
from django.template.defaultfilters import pluralize
from django.views.generic import TemplateView

from assurance.dataset.catalogue import selectors, services
from assurance.dataset.catalogue.forms import (
    AssignmentForm,
    LocalIndicatorForm,
    PhaseAdoptionForm,
)
from assurance.dataset.catalogue.models import PHASES, Indicator
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class IndicatorListView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/indicator_list.html"
    section = "dataset"
    page_title = "Data set"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicators = list(selectors.indicator_list(partnership=self.partnership))
        plan = selectors.collecting(partnership=self.partnership)
        names = {a.pk: a.short_name for a in plan.agencies}
        reported_by = {i.pk: [names[pk] for pk in plan.reporting(i)] for i in plan.indicators}
        adopted = plan.adoptions
        context["phases"] = [
            PhaseRow(
                phase=phase,
                adopted_from=adopted.get(phase),
                chosen=bool(adopted),
                indicators=[(i, reported_by.get(i.pk)) for i in indicators if i.phase == phase],
            )
            for phase in PHASES
        ]
        context["local"] = [i for i in indicators if i.is_local]
        context["can_manage"] = self.actor.can("indicator.manage")
        return context


@dataclass
class PhaseRow:
    """A phase on the catalogue page: whether the partnership collects it, from when, and its
    indicators with the agencies that report each (None: published national statistics)."""

    phase: int
    adopted_from: date | None
    chosen: bool  # the partnership has chosen its phases (else every phase is collected)
    indicators: list[tuple[Indicator, list[str] | None]]

    @property
    def collected(self) -> bool:
        return self.adopted_from is not None or not self.chosen


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
        "sees it. It is collected in the collection rounds of its frequency, once its phase is "
        "adopted, from the agencies you confirm (until then, those of the answering agency's "
        "sector)."
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


# ---- the phases adopted, and who reports each indicator ---------------------------------------


class PhaseAdoptionView(_LocalMixin, FormPageView):
    form_class = PhaseAdoptionForm
    template_name = "dataset/phases.html"
    page_title = "Phases adopted"
    caption = "Data set"
    lead = (
        "The partnership collects the indicators of each phase it has adopted, from the date "
        "you give: a collection round asks for them if its period starts on or after that day. "
        "Figures already collected are kept if a date changes or a phase is no longer adopted."
    )
    submit_label = "Save the phases"

    def get_initial(self) -> dict[str, Any]:
        adopted = selectors.phase_adoptions(partnership=self.partnership)
        return {f"phase_{phase}": starts for phase, starts in adopted.items()}

    def get_revision_records(self) -> list[Any]:
        return list(selectors.phase_adoption_list(partnership=self.partnership))

    def get_cancel_url(self) -> str:
        return self.partnership_url("dataset:indicator_list")

    def save(self, form: PhaseAdoptionForm) -> Any:
        return services.phase_adoptions_set(actor=self.actor, adopted=form.adopted())

    def get_success_message(self, record: Any) -> str:
        if not record:
            return "No phase is adopted: every phase is collected until you choose."
        return "Phases adopted: " + "; ".join(str(a) for a in record) + "."

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["changes"] = selectors.phase_history(partnership=self.partnership)
        return context


class AssignmentListView(_LocalMixin, TemplateView):
    template_name = "dataset/assignment_list.html"
    page_title = "Who reports each indicator"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = selectors.assignment_rows(partnership=self.partnership)
        adopted = selectors.phase_adoptions(partnership=self.partnership)
        context.update(
            rows=rows,
            proposed=sum(not r.is_confirmed for r in rows),
            adopted=adopted,
        )
        return context


class AssignmentConfirmAllView(_LocalMixin, FormPageView):
    form_class = forms.Form
    page_title = "Confirm every proposal"
    caption = "Data set"
    submit_label = "Confirm every proposal"

    def get_lead(self) -> str:
        rows = selectors.assignment_rows(partnership=self.partnership)
        count = sum(not r.is_confirmed for r in rows)
        return (
            f"{count} indicator{pluralize(count)} will be reported by the agencies proposed "
            "for them, as listed on the previous page. Indicators already confirmed stay as "
            "they are. You can change any of them later."
        )

    def get_cancel_url(self) -> str:
        return self.partnership_url("dataset:assignment_list")

    def save(self, form: forms.Form) -> Any:
        return services.assignments_confirm_proposals(actor=self.actor)

    def get_success_message(self, record: Any) -> str:
        return f"{len(record)} indicator{pluralize(len(record))} confirmed."


class _OneAssignmentMixin(_LocalMixin):
    @cached_property
    def indicator(self) -> Indicator:
        indicator = selectors.agency_return_get(
            partnership=self.partnership, code=self.kwargs["code"]
        )
        if indicator is None:
            raise Http404("No indicator the agencies report has that code")
        return indicator

    @cached_property
    def row(self) -> selectors.AssignmentRow:
        return selectors.assignment_row(partnership=self.partnership, indicator=self.indicator)

    def list_url(self) -> str:
        return self.partnership_url("dataset:assignment_list")


class AssignmentEditView(_OneAssignmentMixin, FormPageView):
    form_class = AssignmentForm
    submit_label = "Confirm"
    history_link_text = "View who reported it before"

    def get_heading(self) -> str:
        return f"Who reports {self.indicator.title.lower()}"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return self.get_heading()

    def get_caption(self) -> str:
        return f"{self.indicator.code} · phase {self.indicator.phase}"

    def get_lead(self) -> str:
        if self.row.is_confirmed:
            return "Confirmed. Change the agencies if another reports it from the next round."
        return (
            "Proposed from the indicator's sector "
            f"({self.indicator.get_owning_sector_display().lower()}): confirm the agencies, or "
            "change them. Until you confirm, the agencies proposed are asked for it."
        )

    def get_initial(self) -> dict[str, Any]:
        assignment = self.row.assignment
        return {
            "agencies": [a.pk for a in self.row.agencies],
            "by_locality": bool(assignment and assignment.by_locality),
        }

    def get_revision_records(self) -> list[Any]:
        return [self.row.assignment] if self.row.assignment else []

    def get_cancel_url(self) -> str:
        return self.list_url()

    def get_history_url(self) -> str:
        if self.row.assignment is None:
            return ""
        return self.partnership_url("dataset:assignment_history", self.indicator.code)

    def save(self, form: AssignmentForm) -> Any:
        return services.assignment_confirm(
            actor=self.actor,
            indicator=self.indicator,
            agencies=form.cleaned_data["agencies"],
            by_locality=form.cleaned_data["by_locality"],
        )

    def get_success_message(self, record: Any) -> str:
        names = ", ".join(a.short_name for a in record.agencies.order_by("name")) or "no agency"
        where = ", by locality" if record.by_locality else ""
        return f"{self.indicator.title} ({self.indicator.code}) is reported by {names}{where}."


class AssignmentHistoryView(_OneAssignmentMixin, TemplateView):
    template_name = "dataset/assignment_history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assignment = self.row.assignment
        context.update(
            indicator=self.indicator,
            page_title=f"Who reported {self.indicator.title.lower()}",
            changes=selectors.assignment_history(assignment=assignment) if assignment else [],
            back_url=self.partnership_url("dataset:assignment_edit", self.indicator.code),
        )
        return context
