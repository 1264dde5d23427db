"""Pages of quarterly collection. Agency leads enter, upload and sign off their agency's
values; the business unit watches completeness and timeliness, chases, unlocks and publishes.
Thin: ``selectors`` read, ``services`` write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from assurance.core.spreadsheets import XLSX, UploadProblem
from assurance.dataset.collection import selectors, services
from assurance.dataset.collection.forms import (
    RevisionForm,
    RoundForm,
    UnlockForm,
    ValuesForm,
    WorkbookUploadForm,
)
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.partnerships.views import RecordHistoryView


def _messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


class CollectionMixin(PartnershipViewMixin):
    section = "collection"

    def rounds_url(self) -> str:
        return self.partnership_url("dataset:collection_rounds")

    def crumbs(self, round: CollectionRound | None = None) -> list[dict[str, str]]:
        crumbs = [
            {"text": "Data set", "href": self.partnership_url("dataset:indicator_list")},
            {"text": "Collection", "href": self.rounds_url()},
        ]
        if round is not None:
            crumbs.append(
                {
                    "text": round.period.short_label,
                    "href": self.partnership_url("dataset:collection_round", round.pk),
                }
            )
        return crumbs


class RoundMixin(CollectionMixin):
    round: CollectionRound

    @property
    def the_round(self) -> CollectionRound:
        if not hasattr(self, "round"):
            self.round = selectors.round_get(actor=self.actor, pk=self.kwargs["round_pk"])
        return self.round

    def round_url(self, name: str = "dataset:collection_round", *args: Any) -> str:
        return self.partnership_url(name, self.the_round.pk, *args)


class RoundListView(CollectionMixin, TemplateView):
    permission = "collection.view"
    template_name = "dataset/collection/round_list.html"
    page_title = "Data set collection"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rounds = list(selectors.round_list(actor=self.actor))
        manage = self.actor.can("collection.manage")
        own: Agency = self.actor.person.agency
        rows = selectors.rounds_progress(rounds=rounds, agencies=None if manage else [own])
        context.update(
            rows=rows,
            can_manage=manage,
            breadcrumbs=self.crumbs()[:1],
        )
        return context


class RoundCreateView(CollectionMixin, FormView):
    permission = "collection.manage"
    template_name = "partnerships/record_form.html"
    form_class = RoundForm
    page_title = "Open a collection round"

    def form_valid(self, form: RoundForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            round = services.round_open(
                actor=self.actor,
                frequency=data["frequency"],
                business_year=data["business_year"],
                number=data["number"] if data["frequency"] != "annual" else 1,
                opens_on=data["opens_on"],
                due_on=data["due_on"],
                change_percent=data["change_percent"],
            )
        except (ValidationError, ValueError) as exc:
            for message in _messages(exc) if isinstance(exc, ValidationError) else [str(exc)]:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, f"The round for {round.period.label} is open.")
        return redirect("dataset:collection_round", self.partnership.slug, round.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            cancel_url=self.rounds_url(),
            submit_label="Open the round",
            lead="Each agency lead will see the indicators their agency reports for the period.",
            breadcrumbs=self.crumbs(),
        )
        return context


class RoundDetailView(RoundMixin, TemplateView):
    """The business unit: completeness and timeliness per agency. An agency lead: their own."""

    permission = "collection.view"
    template_name = "dataset/collection/round_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.the_round
        manage = self.actor.can("collection.manage")
        agencies = None if manage else [self.actor.person.agency]
        progress = selectors.round_progress(round=round, agencies=agencies)
        context.update(
            round=round,
            progress=progress,
            can_manage=manage,
            can_submit=self.actor.can("collection.submit"),
            page_title=round.period.label,
            breadcrumbs=self.crumbs(),
        )
        return context


class RoundPublishView(RoundMixin, View):
    permission = "collection.manage"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.round_publish(actor=self.actor, round=self.the_round)
            messages.success(request, f"{self.the_round.period.label} has been published.")
        except ValidationError as exc:
            messages.error(request, " ".join(_messages(exc)))
        return redirect(self.round_url())


class ValuesEditView(RoundMixin, FormView):
    """An agency lead enters their agency's values for the round."""

    permission = "collection.submit"
    template_name = "dataset/collection/values_form.html"

    def setup_rows(self) -> list[selectors.ValueRow]:
        return selectors.agency_rows(round=self.the_round, agency=self.actor.person.agency)

    def get_form(self, form_class: Any = None) -> ValuesForm:
        return ValuesForm(rows=self.setup_rows(), **self.get_form_kwargs())

    def form_valid(self, form: ValuesForm) -> HttpResponse:  # type: ignore[override]
        try:
            result = services.values_save(
                actor=self.actor,
                round=self.the_round,
                agency=self.actor.person.agency,
                entries=form.entries(),
            )
        except services.CollectionProblems as exc:
            form.add_problems(exc.problems)
            return self.form_invalid(form)
        except ValidationError as exc:
            for message in _messages(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Your values have been saved ({result.saved} changed). Sign them off when they "
            "are complete.",
        )
        if "sign_off" in self.request.POST:
            return redirect(self.round_url("dataset:collection_sign_off"))
        return HttpResponseRedirect(self.request.path)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round, agency = self.the_round, self.actor.person.agency
        sign_off = selectors.sign_off_get(round=round, agency=agency)
        context.update(
            round=round,
            agency=agency,
            sign_off=sign_off,
            locked=round.is_published or (sign_off is not None and sign_off.is_locked),
            page_title=f"{agency.name}: values for {round.period.short_label}",
            breadcrumbs=self.crumbs(round),
        )
        return context


class SignOffView(RoundMixin, TemplateView):
    """The agency lead checks what they are signing off, then signs it off (it locks)."""

    permission = "collection.submit"
    template_name = "dataset/collection/sign_off.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.round_sign_off(
                actor=self.actor, round=self.the_round, agency=self.actor.person.agency
            )
        except ValidationError as exc:
            return self.render_to_response(
                self.get_context_data(problems=_messages(exc)), status=400
            )
        messages.success(request, "Your agency's values have been signed off and locked.")
        return redirect(self.round_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round, agency = self.the_round, self.actor.person.agency
        rows = selectors.agency_rows(round=round, agency=agency)
        context.update(
            round=round,
            agency=agency,
            rows=rows,
            missing=sum(1 for r in rows if r.value is None),
            sign_off=selectors.sign_off_get(round=round, agency=agency),
            changed=selectors.changed_since_sign_off(round=round, agency=agency),
            page_title=f"Sign off {agency.name}'s values for {round.period.short_label}",
            breadcrumbs=self.crumbs(round),
        )
        return context


class AgencyValuesView(RoundMixin, TemplateView):
    """One agency's values in a round (read-only), its sign-off and, for the business unit,
    chase and unlock."""

    permission = "collection.view"
    template_name = "dataset/collection/agency_values.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.the_round
        agency = selectors.agency_get(actor=self.actor, pk=self.kwargs["agency_pk"])
        sign_off = selectors.sign_off_get(round=round, agency=agency)
        context.update(
            round=round,
            agency=agency,
            rows=selectors.agency_rows(round=round, agency=agency),
            sign_off=sign_off,
            changed=selectors.changed_since_sign_off(round=round, agency=agency),
            progress=selectors.round_progress(round=round, agencies=[agency]).agencies[0],
            can_manage=self.actor.can("collection.manage"),
            can_revise=self.actor.can("collection.submit")
            and agency.pk == self.actor.agency_id
            and round.is_published,
            page_title=f"{agency.name}: {round.period.short_label}",
            breadcrumbs=self.crumbs(round),
        )
        return context


class AgencyActionMixin(RoundMixin):
    permission = "collection.manage"

    @property
    def agency(self) -> Agency:
        return selectors.agency_get(
            actor=self.actor, pk=self.kwargs["agency_pk"], permission=self.permission
        )

    def agency_url(self) -> str:
        return self.round_url("dataset:collection_agency", self.kwargs["agency_pk"])


class UnlockView(AgencyActionMixin, FormView):
    template_name = "partnerships/record_form.html"
    form_class = UnlockForm
    page_title = "Unlock an agency's values"

    def form_valid(self, form: UnlockForm) -> HttpResponse:
        try:
            services.round_unlock(
                actor=self.actor,
                round=self.the_round,
                agency=self.agency,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            for message in _messages(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.agency.name}'s values are unlocked.")
        return redirect(self.agency_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=f"Unlock {self.agency.name}'s values",
            caption=self.the_round.period.label,
            cancel_url=self.agency_url(),
            submit_label="Unlock",
            lead="The agency lead can then change the values and must sign them off again.",
            breadcrumbs=self.crumbs(self.the_round),
        )
        return context


class ChaseView(AgencyActionMixin, TemplateView):
    template_name = "dataset/collection/chase.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            chase = services.round_chase(
                actor=self.actor,
                round=self.the_round,
                agency=self.agency,
                base_url=request.build_absolute_uri("/")[:-1],
            )
            messages.success(request, f"A reminder has been e-mailed to {chase.recipients}.")
        except ValidationError as exc:
            messages.error(request, " ".join(_messages(exc)))
        return redirect(self.round_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        agency = self.agency
        context.update(
            round=self.the_round,
            agency=agency,
            leads=selectors.agency_leads(agency=agency),
            progress=selectors.round_progress(round=self.the_round, agencies=[agency]).agencies[0],
            page_title=f"Chase {agency.name}",
            breadcrumbs=self.crumbs(self.the_round),
        )
        return context


class WorkbookDownloadView(RoundMixin, View):
    permission = "collection.submit"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.dataset.collection.workbooks import values_workbook

        agency = self.actor.person.agency
        response = HttpResponse(
            values_workbook(round=self.the_round, agency=agency), content_type=XLSX
        )
        name = f"data-set-{self.the_round.period_start:%Y-%m}-{agency.short_name.lower()}"
        response["Content-Disposition"] = f'attachment; filename="{name.replace(" ", "-")}.xlsx"'
        return response


class WorkbookUploadView(RoundMixin, FormView):
    permission = "collection.submit"
    template_name = "partnerships/record_form.html"
    form_class = WorkbookUploadForm
    page_title = "Upload your completed workbook"

    def form_valid(self, form: WorkbookUploadForm) -> HttpResponse:
        from assurance.dataset.collection.workbooks import upload_values_workbook

        try:
            result = upload_values_workbook(
                actor=self.actor,
                round=self.the_round,
                content=form.cleaned_data["file"].read(),
            )
        except UploadProblem as problem:
            for message in problem.problems[:50]:
                form.add_error("file", message)
            if len(problem.problems) > 50:
                form.add_error("file", f"… and {len(problem.problems) - 50} more problems")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"The workbook has been saved ({result.saved} values changed). Check them and sign "
            "them off.",
        )
        return redirect(self.round_url("dataset:collection_values"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=self.the_round.period.label,
            cancel_url=self.round_url("dataset:collection_values"),
            submit_label="Upload",
            lead="Upload the workbook you downloaded for this round. If anything in it is "
            "wrong, nothing is saved and each problem is listed with its sheet, row and column.",
            breadcrumbs=self.crumbs(self.the_round),
        )
        return context


class ValueMixin(CollectionMixin):
    value_permission = "collection.view"

    @property
    def value(self) -> IndicatorValue:
        if not hasattr(self, "_value"):
            self._value = selectors.value_get(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.value_permission
            )
        return self._value


class ValueReviseView(ValueMixin, FormView):
    """Revise a value of a published round, with the reason."""

    permission = "collection.submit"
    value_permission = "collection.submit"
    template_name = "partnerships/record_form.html"

    def get_form(self, form_class: Any = None) -> RevisionForm:
        return RevisionForm(
            needs_denominator=self.value.indicator.needs_denominator, **self.get_form_kwargs()
        )

    def get_initial(self) -> dict[str, Any]:
        from assurance.dataset.collection.forms import _number

        value = self.value
        return {
            "numerator": _number(value.numerator),
            "denominator": _number(value.denominator),
            "commentary": value.commentary,
        }

    def form_valid(self, form: RevisionForm) -> HttpResponse:  # type: ignore[override]
        try:
            services.value_revise(
                actor=self.actor,
                value=self.value,
                entry=form.entry(),
                reason=form.cleaned_data["reason"],
            )
        except services.CollectionProblems as exc:
            form.add_problems(exc.problems)
            return self.form_invalid(form)
        except ValidationError as exc:
            for message in _messages(exc):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, "The value has been revised; the old value is kept.")
        return redirect(
            "dataset:collection_agency",
            self.partnership.slug,
            self.value.round_id,
            self.value.agency_id,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        value = self.value
        context.update(
            heading=f"Revise {value.indicator.title}",
            caption=f"{value.agency.name} · {value.round.period.label}",
            cancel_url=self.partnership_url(
                "dataset:collection_agency", value.round_id, value.agency_id
            ),
            submit_label="Revise the value",
            lead=f"{value.round.period.short_label} has been published. The revision keeps the "
            f"published value ({value.value.normalize():f}), who revised it, when and why; "
            "charts mark the revised point.",
            breadcrumbs=self.crumbs(value.round),
        )
        return context


class ValueHistoryView(ValueMixin, RecordHistoryView):
    permission = "collection.view"

    def get_object(self) -> Any:
        return self.value

    def back_url(self, record: Any) -> str:
        return self.partnership_url("dataset:collection_agency", record.round_id, record.agency_id)


class RoundHistoryView(RoundMixin, RecordHistoryView):
    """Every change to the round: opened, dates changed, published."""

    permission = "collection.view"

    def get_object(self) -> Any:
        return self.the_round

    def back_url(self, record: Any) -> str:
        return self.round_url()


class SignOffHistoryView(AgencyActionMixin, RecordHistoryView):
    """Every sign-off and unlock (with its reason) of one agency in one round."""

    permission = "collection.view"

    def get_object(self) -> Any:
        from django.http import Http404

        sign_off = selectors.sign_off_get(round=self.the_round, agency=self.agency)
        if sign_off is None:
            raise Http404("This agency has not signed off the round.")
        return sign_off

    def back_url(self, record: Any) -> str:
        return self.agency_url()
