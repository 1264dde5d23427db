"""What an audit found and what follows: the findings, key messages, the learning event and the
recommendations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from assurance.audits import selectors, services
from assurance.audits.forms import KeyMessageForm, LearningEventForm
from assurance.audits.views.base import AuditMixin


class FindingsView(AuditMixin, TemplateView):
    permission = "findings.view"
    template_name = "audits/findings.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        findings = selectors.audit_findings(audit=self.audit)
        context.update(
            audit=self.audit,
            findings=findings,
            page_title=f"Findings: {self.audit.title}",
            key_messages=selectors.key_messages(audit=self.audit),
            can_manage=self.actor.can("audit.manage"),
            # Built once, not per standard: the page has about 24 of them.
            learning_url=self.partnership_url("improvement:learning_create")
            + f"?audit={self.audit.pk}"
            if self.actor.can("learning.manage")
            else "",
        )
        return context


class KeyMessageAddView(AuditMixin, FormView):
    permission = "audit.manage"
    form_class = KeyMessageForm
    template_name = "partnerships/record_form.html"
    page_title = "Add a key message"

    def form_valid(self, form: KeyMessageForm) -> HttpResponse:
        services.key_message_add(actor=self.actor, audit=self.audit, **form.cleaned_data)
        messages.success(self.request, "The key message has been added.")
        return redirect(self.audit_url("audits:findings"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url("audits:findings"),
        )
        return context


class LearningEventAddView(AuditMixin, FormView):
    permission = "audit.manage"
    form_class = LearningEventForm
    template_name = "partnerships/record_form.html"
    page_title = "Record the learning event"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["partnership"] = self.partnership
        return kwargs

    def form_valid(self, form: LearningEventForm) -> HttpResponse:
        services.learning_event_record(actor=self.actor, audit=self.audit, **form.cleaned_data)
        messages.success(self.request, "The learning event has been recorded.")
        return redirect(self.audit_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title, caption=self.audit.title, cancel_url=self.audit_url()
        )
        return context


class RecommendationAddView(AuditMixin, View):
    """Recommendations come from the learning cycle (learning → recommendation → decision →
    action, ADR 007): this address, once a shortcut that skipped the decision, now leads to
    recording the audit's learning, from which the Assurance and Review Group recommends."""

    permission = "audit.manage"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect(
            self.partnership_url("improvement:learning_create") + f"?audit={self.audit.pk}"
        )
