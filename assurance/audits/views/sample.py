"""The case sample: the sample page, adding a case (or proposing one), uploading cases, drawing
a sample from a list of candidates, a case's page and an agency's record number for it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from assurance.audits import sample, sampling, selectors
from assurance.audits.forms import CaseForm, DrawForm
from assurance.audits.lifecycle import sample_warning
from assurance.audits.models import AuditCase, AuditStatus
from assurance.audits.views.base import AuditMixin, error_messages
from assurance.core.stats import sample_margin_of_error
from assurance.partnerships.viewmixins import PartnershipViewMixin


class SampleView(AuditMixin, TemplateView):
    permission = "case.view"
    template_name = "audits/sample.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        cases = list(selectors.case_list(actor=self.actor, audit=self.audit))
        context.update(
            audit=self.audit,
            cases=cases,
            page_title=f"Case sample: {self.audit.title}",
            margin=sample_margin_of_error(len(cases)),
            sample_warning=sample_warning(len(cases)),
            can_manage=self.actor.can("audit.manage")
            and self.audit.status in {AuditStatus.SCOPING, AuditStatus.SAMPLING},
            can_propose=self.actor.can("case.propose")
            and self.audit.status in {AuditStatus.SCOPING, AuditStatus.SAMPLING},
            draws=self.audit.draws.select_related("drawn_by"),
            describe=sampling.sample_profile(
                (case.get_age_band_display(), case.get_gender_display(), case.ethnicity)
                for case in cases
            ),
        )
        return context


class CaseAddView(AuditMixin, FormView):
    """The business unit adds a case; an agency lead proposes one involving their agency."""

    permission = "case.propose"
    form_class = CaseForm
    template_name = "partnerships/record_form.html"
    page_title = "Add a case to the sample"

    @property
    def proposing(self) -> bool:
        return not self.actor.can("audit.manage")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["audit"] = self.audit
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"agencies": [self.actor.agency_id]} if self.proposing else {}

    def form_valid(self, form: CaseForm) -> HttpResponse:
        agencies = list(form.cleaned_data["agencies"])
        if self.proposing and self.actor.agency_id not in {a.pk for a in agencies}:
            form.add_error("agencies", "A case you propose must involve your own agency.")
            return self.form_invalid(form)
        numbers = form.record_numbers()
        if self.proposing:  # an agency records only its own record number
            numbers = {k: v for k, v in numbers.items() if k == self.actor.agency_id}
        try:
            case = sample.case_add(
                actor=self.actor,
                audit=self.audit,
                age_band=form.cleaned_data["age_band"],
                gender=form.cleaned_data["gender"],
                ethnicity=form.cleaned_data["ethnicity"],
                selection_reason=form.cleaned_data["selection_reason"],
                agencies=agencies,
                record_numbers=numbers,
                source=AuditCase.Source.PROPOSED if self.proposing else AuditCase.Source.ENTERED,
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, f"Case {case.reference} has been added to the sample.")
        return redirect("audits:sample", self.partnership.slug, self.audit.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading="Propose a case" if self.proposing else self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url("audits:sample"),
            lead="Do not enter the child's name, date of birth, address or NHS "
            "number: the platform gives the case a pseudonymised reference.",
        )
        return context


class CaseUploadView(AuditMixin, FormView):
    """The business unit uploads the chosen cases from a CSV file, all at once."""

    permission = "audit.manage"
    audit_permission = "audit.manage"
    template_name = "partnerships/record_form.html"
    page_title = "Upload cases"

    def get_form_class(self) -> Any:
        from assurance.audits.forms import CaseUploadForm

        return CaseUploadForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["audit"] = self.audit
        return kwargs

    def form_valid(self, form: Any) -> HttpResponse:
        agencies = selectors.audit_agency_names(audit=self.audit)
        try:
            candidates = sampling.candidates_read(
                sampling.csv_text(form.cleaned_data["cases"].read()), agencies
            )
            sample.cases_upload(
                actor=self.actor,
                audit=self.audit,
                candidates=candidates,
                record_agency=form.cleaned_data["record_agency"],
                agency_names=agencies,
            )
        except (ValidationError, ValueError) as exc:
            for message in error_messages(exc):
                form.add_error("cases", message)
            return self.form_invalid(form)
        messages.success(self.request, f"{len(candidates)} cases have been added.")
        return redirect("audits:sample", self.partnership.slug, self.audit.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url("audits:sample"),
            submit_label="Upload",
            lead="Every row of the file becomes a case with its own reference. If "
            "any row is wrong, no case is added.",
        )
        return context


class DrawView(AuditMixin, FormView):
    permission = "audit.manage"
    audit_permission = "audit.manage"
    form_class = DrawForm
    template_name = "partnerships/record_form.html"
    page_title = "Draw a sample from a list of candidates"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["audit"] = self.audit
        return kwargs

    def form_valid(self, form: DrawForm) -> HttpResponse:
        agencies = selectors.audit_agency_names(audit=self.audit)
        try:
            candidates = sampling.candidates_read(
                sampling.csv_text(form.cleaned_data["candidates"].read()), agencies
            )
            draw = sample.sample_draw(
                actor=self.actor,
                audit=self.audit,
                candidates=candidates,
                method=form.cleaned_data["method"],
                size=form.cleaned_data["size"],
                seed=form.cleaned_data["seed"],
                stratify_by=form.cleaned_data["stratify_by"],
                agency_for_record_numbers=form.cleaned_data["record_agency"],
                agency_names=agencies,
            )
        except (ValidationError, ValueError) as exc:
            for message in error_messages(exc):
                form.add_error("candidates", message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{draw.sample_size} cases were drawn from "
            f"{draw.candidate_count} candidates (seed {draw.seed}).",
        )
        return redirect("audits:sample", self.partnership.slug, self.audit.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url("audits:sample"),
        )
        return context


class CaseDetailView(PartnershipViewMixin, TemplateView):
    permission = "case.view"
    template_name = "audits/case_detail.html"
    section = "audits"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        case = selectors.get_case(actor=self.actor, pk=self.kwargs["pk"])
        involvements = case.involvements.select_related("agency").order_by("agency__name")
        context.update(
            case=case,
            audit=case.audit,
            page_title=f"Case {case.reference}",
            involvements=involvements,
            returns=selectors.returns_for_case(actor=self.actor, case=case),
            revealable=selectors.revealable_involvements(actor=self.actor, case=case),
            breadcrumbs=[
                {"text": "Audits", "href": self.partnership_url("audits:programme")},
                {
                    "text": case.audit.title,
                    "href": self.partnership_url("audits:audit_detail", case.audit_id),
                },
                {
                    "text": "Case sample",
                    "href": self.partnership_url("audits:sample", case.audit_id),
                },
            ],
        )
        return context


class RecordNumberView(PartnershipViewMixin, TemplateView):
    """Shows an agency's record number for a case, after a deliberate click (logged)."""

    permission = "record_number.view"
    template_name = "audits/record_number.html"
    section = "audits"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        case = selectors.get_case(actor=self.actor, pk=self.kwargs["pk"])
        involvement = selectors.get_involvement(case=case, pk=self.kwargs["involvement_pk"])
        number = sample.record_number_reveal(actor=self.actor, involvement=involvement)
        return self.render_to_response(
            self.get_context_data(
                case=case,
                involvement=involvement,
                number=number,
                page_title=f"Record number for case {case.reference}",
            )
        )
