"""Agency returns: a return's page, completing it, assigning its auditors, the lead's decision
(sign off or send back), its history; and the returns that need the person signed in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assurance.audits import selectors, services
from assurance.audits.forms import AssignForm, ReturnForm, SendBackForm
from assurance.audits.models import AgencyReturn, ReturnStatus
from assurance.frameworks.assessments import ConflictError
from assurance.partnerships.viewmixins import (
    AccessLogged,
    FormPageView,
    HistoryView,
    PartnershipViewMixin,
)


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

    # As a form page: back to the return's page.

    def get_cancel_url(self) -> str:
        return self.return_url()

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


class ReturnDetailView(AccessLogged, ReturnMixin, TemplateView):
    permission = "return.view"
    access_logged = "agency_return"
    template_name = "audits/return_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        agency_return = self.agency_return
        answers = selectors.return_answers(agency_return=agency_return)
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


class ReturnEditView(ReturnMixin, FormPageView):
    """Complete a return: save a draft (back to this page), or save and submit it."""

    permission = "return.edit"
    return_permission = "return.edit"
    form_class = ReturnForm
    template_name = "audits/return_form.html"
    record_kept_identifiers = False  # on the return itself (IdentifierFlag), by return_save

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
            answers=selectors.return_answers(agency_return=agency_return),
            agency_return=agency_return,
        )
        kwargs.setdefault("initial", {})["revision"] = agency_return.assessment.revision
        return kwargs

    @property
    def submitting(self) -> bool:
        return "submit" in self.request.POST

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        try:
            return super().form_valid(form)
        except ConflictError:
            form.add_error(
                None,
                "Someone else saved this return after you opened it, so your "
                "changes have not been saved. Their version is shown below: copy "
                "what you need from your browser's back page, then save again.",
            )
            return self._conflict(form)

    def save(self, form: ReturnForm) -> AgencyReturn:
        agency_return = self.agency_return
        services.return_save(
            actor=self.actor,
            agency_return=agency_return,
            answers=form.answers(),
            narrative=form.narrative(),
            expected_revision=form.cleaned_data["revision"],
            identifier_reasons=form.kept,
        )
        if self.submitting:
            services.return_submit(actor=self.actor, agency_return=agency_return)
        return agency_return

    def get_success_message(self, record: AgencyReturn) -> str:
        if self.submitting:
            return "Your return has been submitted to your agency lead for sign-off."
        return "Your draft has been saved."

    def success_url_for(self, record: AgencyReturn) -> str:
        return self.return_url() if self.submitting else self.request.path

    def _conflict(self, form: ReturnForm) -> HttpResponse:
        fresh = ReturnForm(**{**self.get_form_kwargs(), "data": None, "files": None})
        fresh._errors = form._errors  # type: ignore[attr-defined]
        context = self.get_context_data(form=fresh, conflict=True)
        return self.render_to_response(context, status=409)

    def get_heading(self) -> str:
        return f"{self.agency_return.agency.name}: return"

    def get_caption(self) -> str:
        case = self.agency_return.case
        return f"{case.audit.title} · case {case.reference}"

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


class ReturnAssignView(ReturnMixin, FormPageView):
    permission = "return.assign"
    form_class = AssignForm
    page_title = "Assign auditors"
    success_message = "The auditors have been assigned and e-mailed."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["agency"] = self.agency_return.agency
        kwargs["initial"] = {
            "auditors": list(self.agency_return.auditors.all()),
            "due_date": self.agency_return.due_date,
        }
        return kwargs

    def get_caption(self) -> str:
        return str(self.agency_return)

    def save(self, form: AssignForm) -> Any:
        return services.return_assign(
            actor=self.actor,
            agency_return=self.agency_return,
            auditors=form.cleaned_data["auditors"],
            due_date=form.cleaned_data["due_date"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )


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
            messages.error(request, " ".join(exc.messages))
        return redirect(self.return_url())


class ReturnHistoryView(ReturnMixin, HistoryView):
    permission = "return.view"

    def get_object(self) -> Any:
        return self.agency_return

    def back_url(self, record: Any) -> str:
        return self.return_url()


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
