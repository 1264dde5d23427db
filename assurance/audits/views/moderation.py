"""Moderation: the board of every case's returns side by side with the grade agreed per KLOE
(and recording a grade), and the audit discussion meeting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assurance.audits import moderation, selectors, services
from assurance.audits.forms import ModerationMeetingForm
from assurance.audits.models import AuditStatus
from assurance.audits.views.base import AuditMixin
from assurance.partnerships.viewmixins import FormPageView


class ModerationView(AuditMixin, TemplateView):
    """Every case's returns side by side, and the grade agreed per KLOE."""

    permission = "case.view"
    template_name = "audits/moderation.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        audit = self.audit
        board = moderation.moderation_board(actor=self.actor, audit=audit)
        context.update(
            audit=audit,
            page_title=f"Moderation: {audit.title}",
            cases=board.cases,
            sections=board.sections,
            options=board.options,
            meetings=board.meetings,
            can_record=self.actor.can("moderation.record")
            and audit.status == AuditStatus.MODERATION,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.actor.require("moderation.record")
        audit = self.audit
        case = selectors.get_case(actor=self.actor, pk=request.POST.get("case", ""))
        if case.audit_id != audit.pk or audit.framework is None:
            return redirect(self.audit_url("audits:moderation"))
        section_pk, option_pk = request.POST.get("section", ""), request.POST.get("option", "")
        section = moderation.moderation_section(audit=audit, pk=section_pk)
        option = moderation.moderation_option(pk=option_pk)
        if section is None or option is None:
            messages.error(request, f"Case {case.reference}: choose the agreed grade.")
            return redirect(self.audit_url("audits:moderation") + f"#case-{case.pk}")
        try:
            services.agreed_grade_set(
                actor=self.actor,
                case=case,
                section=section,
                option=option,
                rationale=request.POST.get("rationale", ""),
                meeting=moderation.moderation_meeting_latest(audit=audit),
            )
            messages.success(request, f"Case {case.reference}, {section.code}: grade agreed.")
        except ValidationError as exc:
            messages.error(
                request, f"Case {case.reference}, {section.code}: " + " ".join(exc.messages)
            )
        return redirect(self.audit_url("audits:moderation") + f"#case-{case.pk}")


class ModerationMeetingView(AuditMixin, FormPageView):
    permission = "moderation.record"
    form_class = ModerationMeetingForm
    page_title = "Record the audit discussion meeting"
    success_message = "The meeting and its attendance have been recorded."

    def get_cancel_url(self) -> str:
        return self.audit_url("audits:moderation")

    def save(self, form: ModerationMeetingForm) -> Any:
        return services.moderation_meeting_record(
            actor=self.actor, audit=self.audit, **form.cleaned_data
        )
