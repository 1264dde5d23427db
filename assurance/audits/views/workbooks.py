"""Excel in and out: an agency's returns to complete offline and their upload, and the whole
audit in one workbook."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from assurance.audits.views.base import AuditMixin
from assurance.core.spreadsheets import XLSX, UploadProblem


class ReturnWorkbookView(AuditMixin, View):
    """Download the actor's agency's open returns as a pre-filled workbook."""

    permission = "return.edit"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.workbooks import return_workbook

        response = HttpResponse(
            return_workbook(actor=self.actor, audit=self.audit), content_type=XLSX
        )
        name = f"audit-{self.audit.pk}-{self.actor.person.agency.short_name.lower()}-returns"
        response["Content-Disposition"] = f'attachment; filename="{name.replace(" ", "-")}.xlsx"'
        return response


class ReturnUploadView(AuditMixin, FormView):
    permission = "return.edit"
    template_name = "partnerships/record_form.html"
    page_title = "Upload your completed returns"

    def get_form_class(self) -> Any:
        from assurance.audits.forms import ReturnUploadForm

        return ReturnUploadForm

    def form_valid(self, form: Any) -> HttpResponse:
        from assurance.audits.workbooks import upload_return_workbook

        try:
            count = upload_return_workbook(
                actor=self.actor, audit=self.audit, content=form.cleaned_data["file"].read()
            )
        except UploadProblem as problem:
            for message in problem.problems[:50]:
                form.add_error("file", message)
            if len(problem.problems) > 50:
                form.add_error("file", f"… and {len(problem.problems) - 50} more problems.")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{count} return{'s' if count != 1 else ''} saved as "
            "drafts. Check each one and submit it from its page.",
        )
        return redirect("audits:my_returns", self.partnership.slug)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url(),
            submit_label="Upload",
            lead="Upload the workbook you downloaded from this audit. If anything in "
            "it is wrong, nothing is saved and each problem is listed with its sheet, "
            "row and column.",
        )
        return context


class AuditWorkbookView(AuditMixin, View):
    """Everything about the audit in one workbook (drafts stay with their agencies)."""

    permission = "audit.manage"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.workbooks import audit_workbook

        response = HttpResponse(audit_workbook(audit=self.audit), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="audit-{self.audit.pk}.xlsx"'
        return response
