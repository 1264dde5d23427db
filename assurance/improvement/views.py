"""The partnership's action log: every action, where it came from and how it stands."""

from __future__ import annotations

from typing import Any

from django import forms
from django.views.generic import TemplateView

from assurance.core.forms import DateInput, limit_choices
from assurance.core.pagination import paginate
from assurance.improvement import action_selectors, selectors
from assurance.improvement.models import Action
from assurance.improvement.status import STATUS_LABELS
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.partnerships.views import RecordHistoryView


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *STATUS_LABELS.items()], required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        required=False,
        empty_label="Any agency",
        label="Owner agency",
    )
    due_before = forms.DateField(required=False, label="Due on or before", widget=DateInput)


class ActionListView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/action_list.html"
    section = "actions"
    page_title = "Action log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = ActionFilterForm(self.request.GET or None)
        limit_choices(form, "agency", Agency.objects_for(self.partnership))
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v}
        rows = selectors.action_rows(
            actor=self.actor,
            status=filters.get("status"),
            agency=filters.get("agency"),
            due_before=filters.get("due_before"),
        )
        context.update(
            paginate(self.request, rows),
            form=form,
            filtered=bool(filters),
            counts=selectors.status_counts(rows),
        )
        return context


class ActionDetailView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/action_detail.html"
    section = "actions"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        action = selectors.get_action(actor=self.actor, pk=self.kwargs["pk"])
        status, label = selectors.action_status_of(action)
        context.update(
            action=action,
            status=status,
            status_label=label,
            updates=action_selectors.action_updates(action=action),
            evidence=action_selectors.action_evidence(action=action),
            can_update=self.actor.can("action.update")
            and (self.actor.can("action.manage") or action.owner_agency_id == self.actor.agency_id),
            page_title=action.title,
            breadcrumbs=[
                {"text": "Action log", "href": self.partnership_url("improvement:action_list")}
            ],
        )
        return context


class ActionHistoryView(RecordHistoryView):
    permission = "action.view"
    section = "actions"

    def get_object(self) -> Action:
        return selectors.get_action(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:action_detail", record.pk)
