"""The audit programme, and an audit's plan and life: create, change, see, move on a step, say
why moderation starts without every return, and its history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assurance.audits import assignment, selectors, services
from assurance.audits.forms import AuditForm, MissingReturnsForm
from assurance.audits.lifecycle import ORDER, blocker_links, next_status, sample_warning
from assurance.audits.models import Audit, AuditStatus
from assurance.audits.views.base import AuditMixin
from assurance.core.business_year import (
    business_year_bounds,
    business_year_label,
    current_business_year,
)
from assurance.core.registry import follow_ups_for
from assurance.core.stats import sample_margin_of_error
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


def _step_label(status: str | None) -> str | None:
    return AuditStatus(status).label if status else None


class ProgrammeView(PartnershipViewMixin, TemplateView):
    """The year's audit programme at a glance: a row per month, April to March."""

    permission = "audit.view"
    template_name = "audits/programme.html"
    section = "audits"
    page_title = "Audit programme"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            year = int(self.request.GET.get("year", current_business_year()))
        except ValueError:
            year = current_business_year()
        audits = list(selectors.audit_list(actor=self.actor, business_year=year))
        start, _ = business_year_bounds(year)
        months = []
        for offset in range(12):
            month = (start.month - 1 + offset) % 12 + 1
            year_of_month = start.year + (start.month - 1 + offset) // 12
            months.append(
                {
                    "label": f"{['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} {year_of_month}",  # noqa: E501
                    "audits": [
                        a
                        for a in audits
                        if a.planned_month.month == month and a.planned_month.year == year_of_month
                    ],
                }
            )
        context.update(
            year=year,
            year_label=business_year_label(year),
            months=months,
            previous_year=year - 1,
            next_year=year + 1,
            audit_count=len(audits),
            can_manage=self.actor.can("audit.manage"),
        )
        return context


class AuditCreateView(FormPageView):
    permission = "audit.manage"
    form_class = AuditForm
    section = "audits"
    page_title = "Plan an audit"
    success_message = "The audit “{record}” has been saved."

    def get_initial(self) -> dict[str, Any]:
        return {"business_year_start": current_business_year(), "target_sample_size": 24}

    def get_cancel_url(self) -> str:
        return self.partnership_url("audits:programme")

    def save(self, form: AuditForm) -> Audit:
        return services.audit_save(actor=self.actor, form=form)

    def success_url_for(self, record: Audit) -> str:
        return self.partnership_url("audits:audit_detail", record.pk)


class AuditUpdateView(AuditMixin, AuditCreateView):
    page_title = "Change the audit's plan"
    audit_permission = "audit.manage"

    def get_object(self) -> Audit:
        return self.audit

    def get_initial(self) -> dict[str, Any]:
        return {}  # the audit as stored, not the defaults of planning a new one

    # Like planning one: no caption, and Cancel leads back to the programme.

    def get_caption(self) -> str:
        return ""

    def get_cancel_url(self) -> str:
        return AuditCreateView.get_cancel_url(self)


class AuditDetailView(AuditMixin, TemplateView):
    permission = "audit.view"
    template_name = "audits/audit_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        audit = self.audit
        facts = selectors.audit_facts(audit=audit)
        context.update(
            audit=audit,
            page_title=audit.title,
            facts=facts,
            steps=[
                {
                    "code": code,
                    "label": AuditStatus(code).label,
                    "done": ORDER.index(code) < ORDER.index(audit.status),
                    "current": code == audit.status,
                }
                for code in ORDER
            ],
            next_step=_step_label(next_status(audit.status)),
            blockers=blocker_links(facts),
            margin=sample_margin_of_error(facts.case_count),
            sample_warning=sample_warning(facts.case_count),
            progress=selectors.returns_progress(audit=audit),
            to_assign=assignment.agencies_to_assign(actor=self.actor, audit=audit),
            agencies=audit.agencies.all(),
            can_manage=self.actor.can("audit.manage"),
            can_edit_returns=self.actor.can("return.edit"),
            can_record_reason=self.actor.can("audit.manage")
            or audit.lead_id == self.actor.person.pk,
            missing_form=MissingReturnsForm(),
            recommendations=follow_ups_for(audit),
            can_record_learning=self.actor.can("learning.manage"),
            learning_events=audit.learning_events.prefetch_related("agencies"),
        )
        return context


class AuditAdvanceView(AuditMixin, TemplateView):
    permission = "audit.manage"
    audit_permission = "audit.manage"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            audit = services.audit_advance(actor=self.actor, audit=self.audit)
            messages.success(
                request, f"The audit is now at the step: {audit.get_status_display()}."
            )
        except ValidationError as exc:
            messages.error(request, "The audit cannot move on yet: " + " ".join(exc.messages))
        return redirect(self.audit_url())


class MissingReturnsReasonView(AuditMixin, FormPageView):
    permission = "audit.manage"
    form_class = MissingReturnsForm
    page_title = "Start moderation without every return"
    success_message = "The reason has been recorded."
    error_field = "reason"

    def save(self, form: MissingReturnsForm) -> Audit:
        return services.audit_record_missing_returns_reason(
            actor=self.actor, audit=self.audit, reason=form.cleaned_data["reason"]
        )


class AuditHistoryView(AuditMixin, HistoryView):
    permission = "audit.view"

    def get_object(self) -> Audit:
        return self.audit

    def back_url(self, record: Any) -> str:
        return self.audit_url()
