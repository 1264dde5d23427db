"""The summary of feedback for a quarter or a business year: a page, a PDF and a Word
document (one ``DocumentView``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.functional import cached_property

from assurance.core.documents import Report
from assurance.partnerships.models import Group
from assurance.partnerships.viewmixins import DocumentView, FormPageView
from assurance.voice.feedback.views import VoiceMixin
from assurance.voice.summary import selectors, services
from assurance.voice.summary.forms import AgendaGroupsForm
from assurance.voice.summary.periods import Period, period_from
from assurance.voice.summary.report import summary_report


class SummaryView(VoiceMixin, DocumentView):
    permission = "voice.view"
    template_name = "voice/summary/summary.html"
    page_title = "Summary of what children and families told us"

    @cached_property
    def period(self) -> Period:
        return period_from(self.request.GET.get("period"), today=timezone.localdate())

    def get_report(self) -> Report:
        return summary_report(actor=self.actor, period=self.period)

    def get_filename(self) -> str:
        return f"voice-summary-{self.period.key}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today, period = timezone.localdate(), self.period
        following = period.next()
        query = f"?period={period.key}"
        quarter = period if period.quarter else period_from(None, today=today)
        context.update(
            period=period,
            previous=period.previous(),
            following=following if following.start <= today else None,
            whole_year=period.whole_year() if period.quarter else None,
            a_quarter=None
            if period.quarter
            else (quarter if quarter.year == period.year else Period(period.year, 4)),
            pdf_url=self.partnership_url("voice:summary_pdf") + query,
            docx_url=self.partnership_url("voice:summary_docx") + query,
            can_manage=self.actor.can("voice.manage"),
            agenda_groups=selectors.agenda_groups(actor=self.actor),
        )
        return context


class AgendaGroupsView(VoiceMixin, FormPageView):
    """The groups whose every meeting has voice on its agenda, with the quarter's summary as
    its paper."""

    permission = "voice.manage"
    form_class = AgendaGroupsForm
    page_title = "Voice on every agenda"
    lead = (
        "Each meeting of the groups you choose has “The voice of children and families” on its "
        "agenda, with the summary of the last quarter before the meeting as its paper."
    )
    success_message = "The groups are saved."

    def get_form_kwargs(self) -> dict[str, Any]:
        groups = Group.objects_for(self.partnership).order_by("name")
        return {**super().get_form_kwargs(), "groups": groups}

    def get_initial(self) -> dict[str, Any]:
        return {"groups": [g.pk for g in selectors.agenda_groups(actor=self.actor)]}

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:summary")

    def save(self, form: Any) -> Any:
        return services.agenda_groups_set(actor=self.actor, groups=form.cleaned_data["groups"])
