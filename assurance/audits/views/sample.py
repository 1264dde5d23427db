"""The case sample: the sample page, adding a case (or proposing one), uploading cases, drawing
a sample from a list of candidates, a case's page and an agency's record number for it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView

from assurance.audits import sample, sampling, selectors
from assurance.audits.forms import CaseForm, CaseUploadForm, DrawForm
from assurance.audits.lifecycle import sample_warning
from assurance.audits.models import AuditCase, AuditStatus, SampleDraw
from assurance.audits.views.base import AuditMixin
from assurance.core.stats import sample_margin_of_error
from assurance.partnerships.viewmixins import AccessLogged, FormPageView, PartnershipViewMixin


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


class SampleFormMixin(AuditMixin):
    """A form page about the audit's sample: back to the sample, also once saved."""

    def get_cancel_url(self) -> str:
        return self.audit_url("audits:sample")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs()  # type: ignore[misc]
        kwargs["audit"] = self.audit
        return kwargs


class CaseAddView(SampleFormMixin, FormPageView):
    """The business unit adds a case; an agency lead proposes one involving their agency."""

    permission = "case.propose"
    form_class = CaseForm
    page_title = "Add a case to the sample"
    lead = (
        "Do not enter the child's name, date of birth, address or NHS "
        "number: the platform gives the case a pseudonymised reference."
    )
    success_message = "Case {record.reference} has been added to the sample."

    @property
    def proposing(self) -> bool:
        return not self.actor.can("audit.manage")

    def get_heading(self) -> str:
        return "Propose a case" if self.proposing else self.page_title

    def get_initial(self) -> dict[str, Any]:
        return {"agencies": [self.actor.agency_id]} if self.proposing else {}

    def save(self, form: CaseForm) -> AuditCase:
        agencies = list(form.cleaned_data["agencies"])
        if self.proposing and self.actor.agency_id not in {a.pk for a in agencies}:
            raise ValidationError({"agencies": "A case you propose must involve your own agency."})
        numbers = form.record_numbers()
        if self.proposing:  # an agency records only its own record number
            numbers = {k: v for k, v in numbers.items() if k == self.actor.agency_id}
        return sample.case_add(
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


class AgencyNamesMixin(SampleFormMixin):
    """A page taking a file of cases (template audits/case_file_upload.html): it shows the
    names the file may use for each agency."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["file_agencies"] = self.audit.agencies.order_by("name")
        return context


class CaseUploadView(AgencyNamesMixin, FormPageView):
    """The business unit uploads the chosen cases from a CSV file, all at once."""

    template_name = "audits/case_file_upload.html"
    permission = "audit.manage"
    audit_permission = "audit.manage"
    form_class = CaseUploadForm
    page_title = "Upload cases"
    lead = (
        "Every row of the file becomes a case with its own reference. If "
        "any row is wrong, no case is added."
    )
    submit_label = "Upload"
    refusals = (ValidationError, ValueError)  # a file the sampling rules cannot read
    error_field = "cases"

    def save(self, form: CaseUploadForm) -> int:
        agencies = selectors.audit_agency_names(audit=self.audit)
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
        return len(candidates)

    def get_success_message(self, record: int) -> str:
        return f"{record} cases have been added."


class DrawView(AgencyNamesMixin, FormPageView):
    template_name = "audits/case_file_upload.html"
    permission = "audit.manage"
    audit_permission = "audit.manage"
    form_class = DrawForm
    page_title = "Draw a sample from a list of candidates"
    refusals = (ValidationError, ValueError)  # a file the sampling rules cannot read
    error_field = "candidates"
    success_message = (
        "{record.sample_size} cases were drawn from "
        "{record.candidate_count} candidates (seed {record.seed})."
    )

    def save(self, form: DrawForm) -> SampleDraw:
        agencies = selectors.audit_agency_names(audit=self.audit)
        candidates = sampling.candidates_read(
            sampling.csv_text(form.cleaned_data["candidates"].read()), agencies
        )
        return sample.sample_draw(
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


class CaseDetailView(AccessLogged, TemplateView):
    permission = "case.view"
    access_logged = "case"
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
