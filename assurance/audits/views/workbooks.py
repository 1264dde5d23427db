"""Excel in and out: an agency's returns to complete offline and their upload, and the whole
audit in one workbook."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views import View

from assurance.audits.forms import ReturnUploadForm
from assurance.audits.views.base import AuditMixin
from assurance.core.spreadsheets import XLSX, UploadProblem
from assurance.partnerships.viewmixins import FormPageView


class ReturnWorkbookView(AuditMixin, View):
    """Download the actor's agency's open returns as a pre-filled workbook."""

    permission = "return.edit"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.workbooks import return_workbook

        response = HttpResponse(
            return_workbook(actor=self.actor, audit=self.audit), content_type=XLSX
        )
        name = f"audit-{self.audit.pk}-{self.actor.agency.short_name.lower()}-returns"
        response["Content-Disposition"] = f'attachment; filename="{name.replace(" ", "-")}.xlsx"'
        return response


class ReturnUploadView(AuditMixin, FormPageView):
    permission = "return.edit"
    form_class = ReturnUploadForm
    page_title = "Upload your completed returns"
    lead = (
        "Upload the workbook you downloaded from this audit. If anything in "
        "it is wrong, nothing is saved and each problem is listed with its sheet, "
        "row and column."
    )
    submit_label = "Upload"

    def save(self, form: ReturnUploadForm) -> int:
        from assurance.audits.workbooks import upload_return_workbook

        try:
            return upload_return_workbook(
                actor=self.actor, audit=self.audit, content=form.cleaned_data["file"].read()
            )
        except UploadProblem as problem:
            raise problem.on_field("file") from problem

    def get_success_message(self, record: int) -> str:
        return (
            f"{record} return{'s' if record != 1 else ''} saved as "
            "drafts. Check each one and submit it from its page."
        )

    def success_url_for(self, record: int) -> str:
        return self.partnership_url("audits:my_returns")


class AuditWorkbookView(AuditMixin, View):
    """Everything about the audit in one workbook (drafts stay with their agencies)."""

    permission = "audit.manage"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.workbooks import audit_workbook

        response = HttpResponse(audit_workbook(audit=self.audit), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="audit-{self.audit.pk}.xlsx"'
        return response
