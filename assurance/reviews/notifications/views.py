"""Pages of serious incident notifications: recording one, its page (the deadlines, the
notices sent, the rapid review), changing it and its history. Only the people named on it,
the business unit and the scrutineer open it; anyone else gets 404, as for a record that does
not exist."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.reviews.notifications import selectors, services
from assurance.reviews.notifications.forms import SeriousIncidentForm
from assurance.reviews.notifications.models import SeriousIncident


class ReviewsMixin(PartnershipViewMixin):
    section = "reviews"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Reviews", "href": self.partnership_url("reviews:board")}]


class OneIncidentMixin(ReviewsMixin):
    @cached_property
    def incident(self) -> SeriousIncident:
        return selectors.get_incident(actor=self.actor, pk=self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.partnership_url("reviews:incident_detail", self.incident.pk)

    def get_caption(self) -> str:
        return f"Serious incident {self.incident.reference}"


class IncidentCreateView(ReviewsMixin, FormPageView):
    permission = "review.manage"
    form_class = SeriousIncidentForm
    page_title = "Record a serious incident"
    lead = (
        "Record what the partnership needs to know and no more: no name, date of birth or "
        "address. The incident gets a reference of its own."
    )
    submit_label = "Record the incident"
    success_message = "Serious incident {record.reference} has been recorded."

    def get_cancel_url(self) -> str:
        return self.partnership_url("reviews:board")

    def save(self, form: SeriousIncidentForm) -> SeriousIncident:
        return services.serious_incident_record(actor=self.actor, **form.cleaned_data)

    def success_url_for(self, record: SeriousIncident) -> str:
        return self.partnership_url("reviews:incident_detail", record.pk)


class IncidentUpdateView(OneIncidentMixin, FormPageView):
    permission = "review.manage"
    form_class = SeriousIncidentForm
    page_title = "Change the serious incident"
    success_message = "Serious incident {record.reference} has been changed."

    def get_object(self) -> SeriousIncident:
        return self.incident

    def save(self, form: SeriousIncidentForm) -> SeriousIncident:
        return services.serious_incident_update(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )


class IncidentHistoryView(OneIncidentMixin, HistoryView):
    permission = "review.view"

    def get_object(self) -> Any:
        return self.incident

    def back_url(self, record: Any) -> str:
        return self.get_cancel_url()
