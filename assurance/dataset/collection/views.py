"""Pages of quarterly collection. Agency leads enter, upload and sign off their agency's
values; the business unit watches completeness and timeliness, chases, unlocks and publishes.
Thin: ``selectors`` read, ``services`` write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.views import View
from django.views.generic import TemplateView

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
from assurance.dataset.collection.workbooks import upload_values_workbook, values_workbook
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


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
        own: Agency = self.actor.agency
        rows = selectors.rounds_progress(rounds=rounds, agencies=None if manage else [own])
        context.update(
            rows=rows,
            can_manage=manage,
            breadcrumbs=self.crumbs()[:1],
        )
        return context


class RoundCreateView(CollectionMixin, FormPageView):
    permission = "collection.manage"
    form_class = RoundForm
    page_title = "Open a collection round"
    lead = "Each agency lead will see the indicators their agency reports for the period."
    submit_label = "Open the round"
    refusals = (ValidationError, ValueError)  # a period the collection rules do not allow
    success_message = "The round for {record.period.label} is open."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.crumbs()

    def get_cancel_url(self) -> str:
        return self.rounds_url()

    def save(self, form: RoundForm) -> CollectionRound:
        data = form.cleaned_data
        return services.round_open(
            actor=self.actor,
            frequency=data["frequency"],
            business_year=data["business_year"],
            number=data["number"] if data["frequency"] != "annual" else 1,
            opens_on=data["opens_on"],
            due_on=data["due_on"],
            change_percent=data["change_percent"],
        )

    def success_url_for(self, record: CollectionRound) -> str:
        return self.partnership_url("dataset:collection_round", record.pk)


class RoundDetailView(RoundMixin, TemplateView):
    """The business unit: completeness and timeliness per agency. An agency lead: their own."""

    permission = "collection.view"
    template_name = "dataset/collection/round_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round = self.the_round
        manage = self.actor.can("collection.manage")
        agencies = None if manage else [self.actor.agency]
        progress = selectors.round_progress(round=round, agencies=agencies)
        context.update(
            round=round,
            progress=progress,
            system_values=selectors.system_values(round=round, agencies=agencies),
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
            messages.error(request, " ".join(exc.messages))
        return redirect(self.round_url())


class ValuesEditView(RoundMixin, FormPageView):
    """An agency lead enters their agency's values for the round."""

    permission = "collection.submit"
    template_name = "dataset/collection/values_form.html"
    success_message = (
        "Your values have been saved ({record.saved} changed). Sign them off when they "
        "are complete."
    )

    def get_form(self, form_class: Any = None) -> ValuesForm:
        rows = selectors.agency_rows(round=self.the_round, agency=self.actor.agency)
        return ValuesForm(rows=rows, **self.get_form_kwargs())

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.crumbs(self.the_round)

    def get_revision_records(self) -> list[Any]:
        """The round (locked, so two saves of the agency's values take turns, new values
        too) and the agency's values saved in it."""
        round, agency = self.the_round, self.actor.agency
        return [round, *selectors.agency_values(round=round, agency=agency)]

    def get_conflict_labels(self, form: ValuesForm) -> dict[str, str]:
        return {
            name: f"{row.indicator.title}: {form.fields[name].label}"
            for row in form.rows
            for name in form.fields
            if name.startswith(f"{row.indicator.code}-")
        }

    def get_heading(self) -> str:
        return f"{self.actor.agency.name}: data set values"

    def get_caption(self) -> str:
        return f"{self.the_round.period.label} · due {date_format(self.the_round.due_on, 'j F Y')}"

    def save(self, form: ValuesForm) -> Any:
        try:
            return services.values_save(
                actor=self.actor,
                round=self.the_round,
                agency=self.actor.agency,
                entries=form.entries(),
                parts=form.parts(),
            )
        except services.CollectionProblems as exc:
            raise form.problem_errors(exc.problems) from exc

    def success_url_for(self, record: Any) -> str:
        if "sign_off" in self.request.POST:
            return self.round_url("dataset:collection_sign_off")
        return self.request.path

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round, agency = self.the_round, self.actor.agency
        sign_off = selectors.sign_off_get(round=round, agency=agency)
        context.update(
            round=round,
            agency=agency,
            sign_off=sign_off,
            locked=round.is_published or (sign_off is not None and sign_off.is_locked),
            page_title=f"{agency.name}: values for {round.period.short_label}",
        )
        return context


class SignOffView(RoundMixin, TemplateView):
    """The agency lead checks what they are signing off, then signs it off (it locks)."""

    permission = "collection.submit"
    template_name = "dataset/collection/sign_off.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.round_sign_off(
                actor=self.actor, round=self.the_round, agency=self.actor.agency
            )
        except ValidationError as exc:
            return self.render_to_response(self.get_context_data(problems=exc.messages), status=400)
        messages.success(request, "Your agency's values have been signed off and locked.")
        return redirect(self.round_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round, agency = self.the_round, self.actor.agency
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


class UnlockView(AgencyActionMixin, FormPageView):
    form_class = UnlockForm
    page_title = "Unlock an agency's values"
    lead = "The agency lead can then change the values and must sign them off again."
    submit_label = "Unlock"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.crumbs(self.the_round)

    def get_heading(self) -> str:
        return f"Unlock {self.agency.name}'s values"

    def get_caption(self) -> str:
        return self.the_round.period.label

    def get_cancel_url(self) -> str:
        return self.agency_url()

    def save(self, form: UnlockForm) -> Any:
        return services.round_unlock(
            actor=self.actor,
            round=self.the_round,
            agency=self.agency,
            reason=form.cleaned_data["reason"],
        )

    def get_success_message(self, record: Any) -> str:
        return f"{self.agency.name}'s values are unlocked."


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
            messages.error(request, " ".join(exc.messages))
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
        agency = self.actor.agency
        response = HttpResponse(
            values_workbook(round=self.the_round, agency=agency), content_type=XLSX
        )
        name = f"data-set-{self.the_round.period_start:%Y-%m}-{agency.short_name.lower()}"
        response["Content-Disposition"] = f'attachment; filename="{name.replace(" ", "-")}.xlsx"'
        return response


class WorkbookUploadView(RoundMixin, FormPageView):
    permission = "collection.submit"
    form_class = WorkbookUploadForm
    page_title = "Upload your completed workbook"
    lead = (
        "Upload the workbook you downloaded for this round. If anything in it is "
        "wrong, nothing is saved and each problem is listed with its sheet, row and column."
    )
    submit_label = "Upload"
    success_message = (
        "The workbook has been saved ({record.saved} values changed). Check them and sign them off."
    )

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.crumbs(self.the_round)

    def get_caption(self) -> str:
        return self.the_round.period.label

    def get_cancel_url(self) -> str:
        return self.round_url("dataset:collection_values")

    def save(self, form: WorkbookUploadForm) -> Any:
        try:
            return upload_values_workbook(
                actor=self.actor, round=self.the_round, content=form.cleaned_data["file"].read()
            )
        except UploadProblem as problem:
            raise problem.on_field("file") from problem


class ValueMixin(CollectionMixin):
    value_permission = "collection.view"

    @property
    def value(self) -> IndicatorValue:
        if not hasattr(self, "_value"):
            self._value = selectors.value_get(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.value_permission
            )
        return self._value


class ValueReviseView(ValueMixin, FormPageView):
    """Revise a value of a published round, with the reason."""

    permission = "collection.submit"
    value_permission = "collection.submit"
    submit_label = "Revise the value"
    success_message = "The value has been revised; the old value is kept."

    def get_form(self, form_class: Any = None) -> RevisionForm:
        return RevisionForm(
            needs_denominator=self.value.indicator.needs_denominator,
            row=selectors.value_row(value=self.value),
            **self.get_form_kwargs(),
        )

    def get_initial(self) -> dict[str, Any]:
        from assurance.dataset.collection.forms import _number

        value = self.value
        return {
            "numerator": _number(value.numerator),
            "denominator": _number(value.denominator),
            "commentary": value.commentary,
        }

    def save(self, form: RevisionForm) -> Any:
        try:
            return services.value_revise(
                actor=self.actor,
                value=self.value,
                entry=form.entry(),
                reason=form.cleaned_data["reason"],
                parts=form.parts(),
            )
        except services.CollectionProblems as exc:
            raise form.problem_errors(exc.problems) from exc

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.crumbs(self.value.round)

    def get_heading(self) -> str:
        return f"Revise {self.value.indicator.title}"

    def get_caption(self) -> str:
        return f"{self.value.agency.name} · {self.value.round.period.label}"

    def get_lead(self) -> str:
        value = self.value
        return (
            f"{value.round.period.short_label} has been published. The revision keeps the "
            f"published value ({value.value.normalize():f}), who revised it, when and why; "
            "charts mark the revised point."
        )

    def get_cancel_url(self) -> str:
        return self.partnership_url(
            "dataset:collection_agency", self.value.round_id, self.value.agency_id
        )


class ValueHistoryView(ValueMixin, HistoryView):
    permission = "collection.view"

    def get_object(self) -> Any:
        return self.value

    def back_url(self, record: Any) -> str:
        return self.partnership_url("dataset:collection_agency", record.round_id, record.agency_id)


class RoundHistoryView(RoundMixin, HistoryView):
    """Every change to the round: opened, dates changed, published."""

    permission = "collection.view"

    def get_object(self) -> Any:
        return self.the_round

    def back_url(self, record: Any) -> str:
        return self.round_url()


class SignOffHistoryView(AgencyActionMixin, HistoryView):
    """Every sign-off and unlock (with its reason) of one agency in one round."""

    permission = "collection.view"

    def get_object(self) -> Any:
        sign_off = selectors.sign_off_get(round=self.the_round, agency=self.agency)
        if sign_off is None:
            raise Http404("This agency has not signed off the round.")
        return sign_off

    def back_url(self, record: Any) -> str:
        return self.agency_url()
