"""What an audit found and what follows: the findings, key messages, the learning event and the
recommendations."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from assurance.audits import selectors, services
from assurance.audits.forms import KeyMessageForm, LearningEventForm
from assurance.audits.views.base import AuditMixin
from assurance.partnerships.viewmixins import FormPageView


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


class KeyMessageAddView(AuditMixin, FormPageView):
    permission = "audit.manage"
    form_class = KeyMessageForm
    page_title = "Add a key message"
    success_message = "The key message has been added."

    def get_cancel_url(self) -> str:
        return self.audit_url("audits:findings")

    def save(self, form: KeyMessageForm) -> Any:
        return services.key_message_add(actor=self.actor, audit=self.audit, **form.cleaned_data)


class LearningEventAddView(AuditMixin, FormPageView):
    permission = "audit.manage"
    form_class = LearningEventForm
    page_title = "Record the learning event"
    success_message = "The learning event has been recorded."

    def save(self, form: LearningEventForm) -> Any:
        return services.learning_event_record(
            actor=self.actor, audit=self.audit, **form.cleaned_data
        )


class RecommendationAddView(AuditMixin, View):
    """Recommendations come from the learning cycle (learning → recommendation → decision →
    action, ADR 007): this address, once a shortcut that skipped the decision, now leads to
    recording the audit's learning, from which the Assurance and Review Group recommends."""

    permission = "audit.manage"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect(
            self.partnership_url("improvement:learning_create") + f"?audit={self.audit.pk}"
        )
