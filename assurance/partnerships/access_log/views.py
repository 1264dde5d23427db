"""The access log's pages, for the business unit: the whole partnership's log (filterable) and
the log of one record (linked from the record's page)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.views.generic import TemplateView

from assurance.core.pagination import paginate
from assurance.partnerships.access_log import selectors
from assurance.partnerships.access_log.forms import AccessLogFilterForm
from assurance.partnerships.viewmixins import PartnershipViewMixin


class AccessLogView(PartnershipViewMixin, TemplateView):
    permission = "access_log.view"
    template_name = "partnerships/access_log/access_log.html"
    section = "access_log"
    page_title = "Access log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = AccessLogFilterForm(
            self.request.GET or None,
            partnership=self.partnership,
            record_types=selectors.record_types(actor=self.actor),
        )
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v}
        rows = selectors.entries(actor=self.actor, **filters) if not form.errors else []
        context.update(
            paginate(self.request, rows),
            form=form,
            filtered=bool(filters or form.errors),
            retention_days=settings.ACCESS_LOG_RETENTION_DAYS,
        )
        return context


class RecordAccessLogView(PartnershipViewMixin, TemplateView):
    permission = "access_log.view"
    template_name = "partnerships/access_log/record_access_log.html"
    section = "access_log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        record = selectors.get_logged_record(
            actor=self.actor, record_type=self.kwargs["record_type"], record_id=self.kwargs["pk"]
        )
        rows = selectors.entries_for_record(actor=self.actor, record=record)
        context.update(
            paginate(self.request, rows),
            record=record,
            record_page=rows.values_list("page", flat=True).first(),
            retention_days=settings.ACCESS_LOG_RETENTION_DAYS,
            page_title=f"Who has looked at {record.kind} {record.reference}",
            breadcrumbs=[
                {
                    "text": "Access log",
                    "href": self.partnership_url("partnerships:access_log"),
                }
            ],
        )
        return context
