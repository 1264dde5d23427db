"""Pages for audits: the programme, an audit's life, the sample, returns, moderation, findings,
the report and what follows. Thin: selectors read, services write."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from assurance.audits import selectors, services
from assurance.audits.forms import (
    AssignForm,
    AuditForm,
    CaseForm,
    DrawForm,
    KeyMessageForm,
    LearningEventForm,
    MissingReturnsForm,
    ModerationMeetingForm,
    ReturnForm,
    SendBackForm,
)
from assurance.audits.lifecycle import ORDER, blockers, next_status, sample_warning
from assurance.audits.models import (
    AgreedGrade,
    Audit,
    AuditCase,
    AuditStatus,
    CaseAgency,
    ReturnStatus,
)
from assurance.audits.sampling import Candidate
from assurance.core.business_year import (
    business_year_bounds,
    business_year_label,
    current_business_year,
)
from assurance.core.registry import follow_ups_for
from assurance.core.stats import sample_margin_of_error
from assurance.frameworks.assessments import ConflictError
from assurance.frameworks.models import Answer, ScaleOption
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.partnerships.views import RecordHistoryView


def _step_label(status: str | None) -> str | None:
    return AuditStatus(status).label if status else None


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


class AuditMixin(PartnershipViewMixin):
    section = "audits"
    audit_permission = "audit.view"

    @property
    def audit(self) -> Audit:
        if not hasattr(self, "_audit"):
            self._audit = selectors.get_audit(
                actor=self.actor, pk=self.kwargs["audit_pk"], permission=self.audit_permission
            )
        return self._audit

    def audit_url(self, name: str = "audits:audit_detail", *args: Any) -> str:
        return self.partnership_url(name, self.audit.pk, *args)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Audits", "href": self.partnership_url("audits:programme")},
            {"text": self.audit.title, "href": self.audit_url()},
        ]


# --- programme --------------------------------------------------------------------------------


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


class AuditCreateView(PartnershipViewMixin, FormView):
    permission = "audit.manage"
    template_name = "partnerships/record_form.html"
    form_class = AuditForm
    section = "audits"
    page_title = "Plan an audit"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["partnership"] = self.partnership
        instance = self.get_object()
        if instance is not None:
            kwargs["instance"] = instance
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"business_year_start": current_business_year(), "target_sample_size": 24}

    def get_object(self) -> Audit | None:
        return None

    def form_valid(self, form: AuditForm) -> HttpResponse:
        try:
            audit = services.audit_save(actor=self.actor, form=form)
        except ValidationError as exc:
            for message in _errors(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, f"The audit “{audit}” has been saved.")
        return redirect("audits:audit_detail", self.partnership.slug, audit.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(heading=self.page_title, cancel_url=self.partnership_url("audits:programme"))
        return context


class AuditUpdateView(AuditMixin, AuditCreateView):
    page_title = "Change the audit's plan"
    audit_permission = "audit.manage"

    def get_object(self) -> Audit:
        return self.audit


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
            blockers=blockers(facts),
            margin=sample_margin_of_error(facts.case_count),
            sample_warning=sample_warning(facts.case_count),
            progress=selectors.returns_progress(audit=audit),
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
            messages.error(request, "The audit cannot move on yet: " + " ".join(_errors(exc)))
        return redirect(self.audit_url())


class MissingReturnsReasonView(AuditMixin, FormView):
    permission = "audit.manage"
    form_class = MissingReturnsForm
    template_name = "partnerships/record_form.html"
    page_title = "Start moderation without every return"

    def form_valid(self, form: MissingReturnsForm) -> HttpResponse:
        try:
            services.audit_record_missing_returns_reason(
                actor=self.actor, audit=self.audit, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", " ".join(_errors(exc)))
            return self.form_invalid(form)
        messages.success(self.request, "The reason has been recorded.")
        return redirect(self.audit_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title, cancel_url=self.audit_url(), caption=self.audit.title
        )
        return context


class AuditHistoryView(AuditMixin, RecordHistoryView):
    permission = "audit.view"

    def get_object(self) -> Audit:
        return self.audit

    def back_url(self, record: Any) -> str:
        return self.audit_url()


# --- the sample ---------------------------------------------------------------------------------


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
            describe=_describe_sample(cases),
        )
        return context


def _describe_sample(cases: list[Any]) -> dict[str, list[tuple[str, int]]]:
    def count(attr: str) -> list[tuple[str, int]]:
        tally: dict[str, int] = {}
        for case in cases:
            label = (
                getattr(case, f"get_{attr}_display")()
                if attr != "ethnicity"
                else (case.ethnicity or "Not recorded")
            )
            tally[label] = tally.get(label, 0) + 1
        return sorted(tally.items())

    return {
        "Age band": count("age_band"),
        "Gender": count("gender"),
        "Ethnicity": count("ethnicity"),
    }


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
            case = services.case_add(
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
            for message in _errors(exc):
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
        agencies = {a.short_name.lower(): a for a in self.audit.agencies.all()}
        agencies.update({a.name.lower(): a for a in self.audit.agencies.all()})
        record_agency = form.cleaned_data["record_agency"]
        try:
            candidates = _read_candidates(form.cleaned_data["cases"], agencies)
            with transaction.atomic():
                for candidate in candidates:
                    involved = [record_agency] + [
                        agencies[name]
                        for name in candidate.agencies
                        if agencies[name].pk != record_agency.pk
                    ]
                    services.case_add(
                        actor=self.actor,
                        audit=self.audit,
                        age_band=candidate.age_band,
                        gender=candidate.gender,
                        ethnicity=candidate.ethnicity,
                        selection_reason=candidate.reason,
                        agencies=involved,
                        record_numbers={record_agency.pk: candidate.record_number},
                        source=AuditCase.Source.UPLOADED,
                    )
        except (ValidationError, ValueError) as exc:
            for message in _errors(exc) if isinstance(exc, ValidationError) else [str(exc)]:
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
        agencies = {a.short_name.lower(): a for a in self.audit.agencies.all()}
        agencies.update({a.name.lower(): a for a in self.audit.agencies.all()})
        try:
            candidates = _read_candidates(form.cleaned_data["candidates"], agencies)
            draw = services.sample_draw(
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
            for message in _errors(exc) if isinstance(exc, ValidationError) else [str(exc)]:
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


AGE_BANDS = {"unborn", "0", "1-4", "5-9", "10-15", "16-17", "18+"}
GENDERS = {"girl", "boy", "other"}


def _read_candidates(upload: Any, agencies: dict[str, Agency]) -> list[Candidate]:
    """Parse the candidate CSV; every problem names its row and column."""
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError("The file must be a CSV saved as UTF-8.") from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "record_number" not in reader.fieldnames:
        raise ValueError("Row 1: the file needs a column called record_number.")
    problems, candidates = [], []
    for row_number, row in enumerate(reader, start=2):
        number = (row.get("record_number") or "").strip()
        if not number:
            problems.append(f"Row {row_number}, column record_number: it is empty.")
            continue
        age = (row.get("age_band") or "").strip()
        if age and age not in AGE_BANDS:
            problems.append(
                f"Row {row_number}, column age_band: “{age}” is not one of "
                f"{', '.join(sorted(AGE_BANDS))}."
            )
        gender = (row.get("gender") or "").strip().lower()
        if gender and gender not in GENDERS:
            problems.append(f"Row {row_number}, column gender: use girl, boy or other.")
        names = [n.strip() for n in (row.get("agencies") or "").split(";") if n.strip()]
        unknown = [n for n in names if n.lower() not in agencies]
        if unknown:
            problems.append(
                f"Row {row_number}, column agencies: {', '.join(unknown)} is not "
                "taking part in this audit."
            )
        candidates.append(
            Candidate(
                record_number=number,
                age_band=age or "5-9",
                gender=gender or "other",
                ethnicity=(row.get("ethnicity") or "").strip(),
                agencies=tuple(
                    agencies[n.lower()].name.lower() for n in names if n.lower() in agencies
                ),
                reason=(row.get("reason") or "").strip(),
            )
        )
    if problems:
        raise ValueError(" ".join(problems[:20]))
    if not candidates:
        raise ValueError("The file has no candidate rows.")
    return candidates


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
        involvement = (
            CaseAgency.unscoped.filter(case=case, pk=self.kwargs["involvement_pk"])
            .select_related("agency")
            .first()
        )
        if involvement is None:
            raise Http404("No such agency for this case.")
        number = services.record_number_reveal(actor=self.actor, involvement=involvement)
        return self.render_to_response(
            self.get_context_data(
                case=case,
                involvement=involvement,
                number=number,
                page_title=f"Record number for case {case.reference}",
            )
        )


# --- returns ------------------------------------------------------------------------------------


class ReturnMixin(PartnershipViewMixin):
    section = "audits"
    return_permission = "return.view"

    @property
    def agency_return(self) -> Any:
        if not hasattr(self, "_return"):
            self._return = selectors.get_return(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.return_permission
            )
        return self._return

    def return_url(self) -> str:
        return self.partnership_url("audits:return_detail", self.agency_return.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        case = self.agency_return.case
        return [
            {"text": "Audits", "href": self.partnership_url("audits:programme")},
            {
                "text": case.audit.title,
                "href": self.partnership_url("audits:audit_detail", case.audit_id),
            },
            {
                "text": f"Case {case.reference}",
                "href": self.partnership_url("audits:case_detail", case.pk),
            },
        ]


def _answers_by_item(agency_return: Any) -> dict[int, Answer]:
    return {
        a.item_id: a
        for a in Answer.objects.filter(assessment=agency_return.assessment).select_related("option")
    }


class ReturnDetailView(ReturnMixin, TemplateView):
    permission = "return.view"
    template_name = "audits/return_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        agency_return = self.agency_return
        answers = _answers_by_item(agency_return)
        sections = selectors.framework_sections(framework_id=agency_return.assessment.framework_id)
        own = agency_return.agency_id == self.actor.agency_id
        context.update(
            agency_return=agency_return,
            case=agency_return.case,
            page_title=str(agency_return),
            rows=[(s, [(i, answers.get(i.pk)) for i in s.items.all()]) for s in sections],
            auditors=agency_return.auditors.all(),
            can_edit=own and self.actor.can("return.edit") and not agency_return.is_locked,
            can_assign=self.actor.can("return.assign") and (own or self.actor.can("audit.manage")),
            can_sign_off=own
            and self.actor.can("return.sign_off")
            and agency_return.status == ReturnStatus.SUBMITTED,
            send_back_form=SendBackForm(),
        )
        return context


class ReturnEditView(ReturnMixin, FormView):
    permission = "return.edit"
    return_permission = "return.edit"
    form_class = ReturnForm
    template_name = "audits/return_form.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        services.return_check_editor(actor=self.actor, agency_return=self.agency_return)
        if self.agency_return.is_locked:
            messages.info(request, "This return has been submitted, so it cannot be changed.")
            return redirect(self.return_url())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        agency_return = self.agency_return
        kwargs.update(
            sections=selectors.framework_sections(
                framework_id=agency_return.assessment.framework_id
            ),
            answers=_answers_by_item(agency_return),
            agency_return=agency_return,
        )
        kwargs.setdefault("initial", {})["revision"] = agency_return.assessment.revision
        return kwargs

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        agency_return = self.agency_return
        try:
            services.return_save(
                actor=self.actor,
                agency_return=agency_return,
                answers=form.answers(),
                narrative=form.narrative(),
                expected_revision=form.cleaned_data["revision"],
                identifier_reasons=form.kept,
            )
            if "submit" in self.request.POST:
                services.return_submit(actor=self.actor, agency_return=agency_return)
                messages.success(
                    self.request, "Your return has been submitted to your agency lead for sign-off."
                )
                return redirect("audits:return_detail", self.partnership.slug, agency_return.pk)
        except ConflictError:
            form.add_error(
                None,
                "Someone else saved this return after you opened it, so your "
                "changes have not been saved. Their version is shown below: copy "
                "what you need from your browser's back page, then save again.",
            )
            return self._conflict(form)
        except ValidationError as exc:
            for message in _errors(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, "Your draft has been saved.")
        return HttpResponseRedirect(self.request.path)

    def _conflict(self, form: ReturnForm) -> HttpResponse:
        fresh = ReturnForm(**{**self.get_form_kwargs(), "data": None, "files": None})
        fresh._errors = form._errors  # type: ignore[attr-defined]
        context = self.get_context_data(form=fresh, conflict=True)
        return self.render_to_response(context, status=409)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            agency_return=self.agency_return,
            case=self.agency_return.case,
            page_title=f"Complete the {self.agency_return}",
            record_number_url=self.partnership_url(
                "audits:record_number",
                self.agency_return.case_id,
                self.agency_return.involvement_id,
            ),
        )
        return context


class ReturnAssignView(ReturnMixin, FormView):
    permission = "return.assign"
    form_class = AssignForm
    template_name = "partnerships/record_form.html"
    page_title = "Assign auditors"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["agency"] = self.agency_return.agency
        kwargs["initial"] = {
            "auditors": list(self.agency_return.auditors.all()),
            "due_date": self.agency_return.due_date,
        }
        return kwargs

    def form_valid(self, form: AssignForm) -> HttpResponse:
        try:
            services.return_assign(
                actor=self.actor,
                agency_return=self.agency_return,
                auditors=form.cleaned_data["auditors"],
                due_date=form.cleaned_data["due_date"],
                base_url=self.request.build_absolute_uri("/")[:-1],
            )
        except ValidationError as exc:
            for message in _errors(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, "The auditors have been assigned and e-mailed.")
        return redirect(self.return_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title, caption=str(self.agency_return), cancel_url=self.return_url()
        )
        return context


class ReturnDecisionView(ReturnMixin, TemplateView):
    """The agency lead signs off a submitted return, or returns it with comments."""

    permission = "return.sign_off"
    return_permission = "return.sign_off"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            if request.POST.get("decision") == "sign_off":
                services.return_sign_off(actor=self.actor, agency_return=self.agency_return)
                messages.success(request, "The return has been signed off and is now locked.")
            else:
                form = SendBackForm(request.POST)
                comments = form.data.get("comments", "")
                services.return_send_back(
                    actor=self.actor, agency_return=self.agency_return, comments=comments
                )
                messages.success(request, "The return has been sent back to the auditor.")
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        return redirect(self.return_url())


class ReturnHistoryView(ReturnMixin, RecordHistoryView):
    permission = "return.view"

    def get_object(self) -> Any:
        return self.agency_return

    def back_url(self, record: Any) -> str:
        return self.return_url()


# --- moderation ---------------------------------------------------------------------------------


class ModerationView(AuditMixin, TemplateView):
    """Every case's returns side by side, and the grade agreed per KLOE."""

    permission = "case.view"
    template_name = "audits/moderation.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        audit = self.audit
        sections = (
            selectors.framework_sections(framework_id=audit.framework_id)
            if audit.framework_id
            else []
        )
        cases = list(selectors.case_list(actor=self.actor, audit=audit))
        returns = (
            list(
                selectors.visible_returns(actor=self.actor, permission="return.view")
                .filter(case__audit=audit, status__in=selectors.COMPLETE)
                .select_related("agency", "assessment")
            )
            if self.actor.can("return.view")
            else []
        )
        answers: dict[tuple[int, int], Answer] = {}
        for answer in Answer.objects.filter(assessment__agency_return__in=returns).select_related(
            "option"
        ):
            answers[(answer.assessment_id, answer.item_id)] = answer
        grades = {
            (g.case_id, g.section_id): g
            for g in AgreedGrade.unscoped.filter(case__audit=audit).select_related("option")
        }
        scale_options = (
            ScaleOption.objects.filter(scale__items__section__framework_id=audit.framework_id)
            .distinct()
            .order_by("scale", "order")
            if audit.framework_id
            else []
        )
        per_case = []
        for case in cases:
            case_returns = [r for r in returns if r.case_id == case.pk]
            per_case.append(
                {
                    "case": case,
                    "returns": case_returns,
                    "sections": [
                        {
                            "section": s,
                            "grade": grades.get((case.pk, s.pk)),
                            "items": [
                                {
                                    "item": i,
                                    "answers": [
                                        answers.get((r.assessment_id, i.pk)) for r in case_returns
                                    ],
                                }
                                for i in s.items.all()
                            ],
                        }
                        for s in sections
                    ],
                }
            )
        context.update(
            audit=audit,
            page_title=f"Moderation: {audit.title}",
            cases=per_case,
            sections=sections,
            options=scale_options,
            meetings=audit.moderation_meetings.prefetch_related("attendees__agency"),
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
        section = (
            audit.framework.sections.filter(pk=section_pk).first() if section_pk.isdigit() else None
        )
        option = ScaleOption.objects.filter(pk=option_pk).first() if option_pk.isdigit() else None
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
                meeting=audit.moderation_meetings.first(),
            )
            messages.success(request, f"Case {case.reference}, {section.code}: grade agreed.")
        except ValidationError as exc:
            messages.error(
                request, f"Case {case.reference}, {section.code}: " + " ".join(_errors(exc))
            )
        return redirect(self.audit_url("audits:moderation") + f"#case-{case.pk}")


class ModerationMeetingView(AuditMixin, FormView):
    permission = "moderation.record"
    form_class = ModerationMeetingForm
    template_name = "partnerships/record_form.html"
    page_title = "Record the audit discussion meeting"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["partnership"] = self.partnership
        return kwargs

    def form_valid(self, form: ModerationMeetingForm) -> HttpResponse:
        services.moderation_meeting_record(actor=self.actor, audit=self.audit, **form.cleaned_data)
        messages.success(self.request, "The meeting and its attendance have been recorded.")
        return redirect(self.audit_url("audits:moderation"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.audit.title,
            cancel_url=self.audit_url("audits:moderation"),
        )
        return context


# --- findings, key messages, learning -----------------------------------------------------------


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
    action): this address, once a shortcut that skipped the decision, now leads to recording
    the audit's learning, from which the Assurance and Review Group recommends."""

    permission = "audit.manage"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect(
            self.partnership_url("improvement:learning_create") + f"?audit={self.audit.pk}"
        )


class MyReturnsView(PartnershipViewMixin, TemplateView):
    """The returns that need this person: to complete, to sign off, to assign."""

    permission = "return.view"
    template_name = "audits/my_returns.html"
    section = "audits"
    page_title = "Your audit returns"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            to_complete=selectors.my_returns(actor=self.actor),
            to_sign_off=selectors.returns_to_sign_off(actor=self.actor),
            to_assign=selectors.returns_to_assign(actor=self.actor),
        )
        return context


class ReportMixin(PartnershipViewMixin):
    permission = "audit_report.view"
    section = "audits"

    def report_audit(self) -> Audit:
        return selectors.get_audit_for_report(actor=self.actor, pk=self.kwargs["audit_pk"])


class ReportView(ReportMixin, TemplateView):
    template_name = "audits/report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from assurance.audits.report import audit_report

        context = super().get_context_data(**kwargs)
        audit = self.report_audit()
        context.update(
            audit=audit,
            report=audit_report(audit=audit),
            page_title=f"Report: {audit.title}",
            breadcrumbs=[{"text": "Audits", "href": self.partnership_url("audits:programme")}],
        )
        return context


class ReportPdfView(ReportMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.report import audit_report
        from assurance.core.documents import render_pdf

        audit = self.report_audit()
        response = HttpResponse(
            render_pdf(audit_report(audit=audit)), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-report.pdf"'
        return response


class ReportDocxView(ReportMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.report import audit_report
        from assurance.core.documents import render_docx

        audit = self.report_audit()
        response = HttpResponse(
            render_docx(audit_report(audit=audit)),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-report.docx"'
        return response


# --- Excel --------------------------------------------------------------------------------------


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        from assurance.audits.workbooks import UploadProblem, upload_return_workbook

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
