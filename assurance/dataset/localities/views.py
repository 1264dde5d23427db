"""The business unit's pages of the partnership's localities: the list, add, change and each
locality's history. Thin: ``selectors`` read, ``services`` write."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.views.generic import TemplateView

from assurance.dataset.localities import selectors, services
from assurance.dataset.localities.forms import LocalityForm
from assurance.dataset.localities.models import Locality
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class _LocalitiesMixin(PartnershipViewMixin):
    permission = "indicator.manage"
    section = "dataset"

    def list_url(self) -> str:
        return self.partnership_url("dataset:locality_list")

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")},
            {"text": "Localities", "href": self.list_url()},
        ]


class LocalityListView(_LocalitiesMixin, TemplateView):
    template_name = "dataset/locality_list.html"
    page_title = "Localities"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            localities=list(selectors.locality_list(partnership=self.partnership)),
            breadcrumbs=self.get_breadcrumbs()[:1],
        )
        return context


class LocalityCreateView(_LocalitiesMixin, FormPageView):
    form_class = LocalityForm
    page_title = "Add a locality"
    caption = "Data set"
    lead = (
        "Agencies that report an indicator collected by locality enter a figure for every "
        "locality in use, and the figures must add up to their total."
    )
    submit_label = "Add the locality"

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: LocalityForm) -> Locality:
        data = form.cleaned_data
        return services.locality_save(
            actor=self.actor,
            name=data["name"],
            description=data["description"],
            is_active=data["is_active"],
        )

    def success_url_for(self, record: Locality) -> str:
        return self.list_url()

    def get_success_message(self, record: Locality) -> str:
        return f"{record.name} has been added."


class _OneLocalityMixin(_LocalitiesMixin):
    @cached_property
    def locality(self) -> Locality:
        return selectors.locality_get(partnership=self.partnership, pk=self.kwargs["pk"])


class LocalityEditView(_OneLocalityMixin, FormPageView):
    form_class = LocalityForm
    caption = "Locality"
    lead = (
        "A new name shows in every breakdown, including earlier periods. A locality no longer "
        "in use is not asked for from the next save of an agency's figures; the figures "
        "already collected for it are kept."
    )
    submit_label = "Save the locality"

    def get_object(self) -> Locality:
        return self.locality

    def get_heading(self) -> str:
        return f"Change {self.locality.name}"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return self.get_heading()

    def get_cancel_url(self) -> str:
        return self.list_url()

    def get_history_url(self) -> str:
        return self.partnership_url("dataset:locality_history", self.locality.pk)

    def save(self, form: LocalityForm) -> Locality:
        data = form.cleaned_data
        return services.locality_save(
            actor=self.actor,
            locality=self.locality,
            name=data["name"],
            description=data["description"],
            is_active=data["is_active"],
        )

    def success_url_for(self, record: Locality) -> str:
        return self.list_url()

    def get_success_message(self, record: Locality) -> str:
        return f"{record.name} has been saved."


class LocalityHistoryView(_OneLocalityMixin, HistoryView):
    def get_object(self) -> Locality:
        return self.locality

    def back_url(self, record: Any) -> str:
        return self.partnership_url("dataset:locality_edit", self.locality.pk)
