"""Agency returns: a return's page, completing it, assigning its auditors, the lead's decision
(sign off or send back), its history; and the returns that need the person signed in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from assurance.audits import selectors, services
from assurance.audits.forms import AssignForm, ReturnForm, ReturnSubmitForm, SendBackForm
from assurance.audits.models import AgencyReturn, AuditStatus, ReturnStatus
from assurance.audits.progress import (
    NARRATIVE_FIELDS,
    SectionProgress,
    SectionStatus,
    is_overdue,
    page_changes,
    page_state,
)
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


class ReturnEditing(ReturnMixin):
    """A page of completing a return: its editors only, and only while it is with them."""

    permission = "return.edit"
    return_permission = "return.edit"

    def locked_redirect(self) -> HttpResponse | None:
        services.return_check_editor(actor=self.actor, agency_return=self.agency_return)
        if self.agency_return.is_locked:
            messages.info(self.request, "This return has been submitted, so it cannot be changed.")
            return redirect(self.return_url())
        return None

    @property
    def pages(self) -> list[SectionProgress]:
        if not hasattr(self, "_pages"):
            self._pages = selectors.return_pages(agency_return=self.agency_return)
        return self._pages

    def task_list_url(self) -> str:
        return self.partnership_url("audits:return_edit", self.agency_return.pk)

    def page_url(self, number: int) -> str:
        return self.partnership_url("audits:return_section", self.agency_return.pk, number)

    def check_url(self) -> str:
        return self.partnership_url("audits:return_check", self.agency_return.pk)

    def get_caption(self) -> str:
        case = self.agency_return.case
        return f"{self.agency_return.agency.short_name} return · case {case.reference}"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": f"{self.agency_return.agency.short_name} return", "href": self.return_url()},
        ]


class ReturnTaskListView(ReturnEditing, TemplateView):
    """Complete a return: its sections (one page per KLOE, then the summary) with the status of
    each, how many are completed, and the way to check the answers and submit."""

    template_name = "audits/return_tasks.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pages = self.pages
        context.update(
            agency_return=self.agency_return,
            caption=self.get_caption(),
            page_title=f"Complete the {self.agency_return}",
            tasks=[(page, self.page_url(page.number)) for page in pages],
            completed=sum(page.status == SectionStatus.COMPLETED for page in pages),
            check_url=self.check_url(),
            record_number_url=self.partnership_url(
                "audits:record_number",
                self.agency_return.case_id,
                self.agency_return.involvement_id,
            ),
        )
        return context


class ReturnSectionView(ReturnEditing, FormPageView):
    """One page of a return: a KLOE's questions, or the summary. Every save keeps the answers
    (a draft may be incomplete); "Save and continue" goes on to the next page, the other button
    back to the task list.

    If someone else saved the return since this page was opened: when they changed nothing on
    this page the save goes ahead; otherwise the page comes back (409) with what the auditor
    typed still in the boxes, and what is saved now shown at each question it differs on, so
    that saving again keeps theirs knowingly."""

    form_class = ReturnForm
    template_name = "audits/return_section.html"
    record_kept_identifiers = False  # on the return itself (IdentifierFlag), by return_save

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    @property
    def current(self) -> SectionProgress:
        number = self.kwargs["number"]
        if not 1 <= number <= len(self.pages):
            raise Http404("The return has no such page.")
        return self.pages[number - 1]

    def stored_narrative(self) -> dict[str, str]:
        if self.current.section is not None:
            return {}
        return {name: getattr(self.agency_return, name) for name in NARRATIVE_FIELDS}

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        page = self.current
        kwargs.update(
            sections=[page.section] if page.section is not None else [],
            answers={q.item.pk: q.answer for q in page.questions if q.answer is not None},
            agency_return=self.agency_return,
            with_narrative=page.section is None,
        )
        kwargs.setdefault("initial", {}).update(
            revision=self.agency_return.assessment.revision,
            state=page_state(page.questions, self.stored_narrative()),
        )
        return kwargs

    @property
    def later(self) -> bool:
        return "later" in self.request.POST

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        try:
            return super().form_valid(form)
        except ConflictError:
            return self._conflict(form)

    def save(self, form: ReturnForm) -> AgencyReturn:
        try:
            return self._save(form, form.cleaned_data["revision"])
        except ConflictError:
            fresh = selectors.get_return(
                actor=self.actor, pk=self.agency_return.pk, permission="return.edit"
            )
            self._return, self._pages = fresh, selectors.return_pages(agency_return=fresh)
            if (
                page_state(self.current.questions, self.stored_narrative())
                != form.cleaned_data["state"]
            ):
                raise
            # Someone saved other pages only: nothing of theirs is lost by saving this one.
            return self._save(form, fresh.assessment.revision)

    def _save(self, form: ReturnForm, revision: int) -> AgencyReturn:
        return services.return_save(
            actor=self.actor,
            agency_return=self.agency_return,
            answers=form.answers(),
            narrative=form.narrative(),
            expected_revision=revision,
            identifier_reasons=form.kept,
        )

    def _conflict(self, form: ReturnForm) -> HttpResponse:
        """The page again, as the auditor typed it, open at the version saved now."""
        page = self.current
        changes = page_changes(
            page.questions, form.answers(), self.stored_narrative(), form.narrative()
        )
        data = form.data.copy()
        data["revision"] = str(self.agency_return.assessment.revision)
        data["state"] = page_state(page.questions, self.stored_narrative())
        again = ReturnForm(**{**self.get_form_kwargs(), "data": data})
        again.is_valid()
        again.changes = changes
        changed = [
            (f"question-{q.item.pk}", q.item.code)
            for q in page.questions
            if f"item_{q.item.pk}" in changes
        ] + [
            (f"question-{name}", str(again.fields[name].label))
            for name in form.narrative()
            if name in changes
        ]
        message = (
            "Someone else saved this return after you opened this page, and changed "
            f"{_and([label for _, label in changed])}. What they saved is shown at each of "
            "those questions; your answers are still in the boxes and have not been saved yet. "
            "Check them, then save again to keep yours."
        )
        anchor = changed[0][0] if changed else "main-content"
        context = self.get_context_data(
            form=again, extra_errors=[{"href": f"#{anchor}", "text": message}]
        )
        return self.render_to_response(context, status=409)

    def get_success_message(self, record: AgencyReturn) -> str:
        if self.later:
            return "Your answers have been saved. You can come back to the return at any time."
        return ""

    def success_url_for(self, record: AgencyReturn) -> str:
        if self.later:
            return self.task_list_url()
        following = self.current.number + 1
        return self.page_url(following) if following <= len(self.pages) else self.check_url()

    def get_cancel_url(self) -> str:
        return self.task_list_url()

    def get_heading(self) -> str:
        return self.current.title

    def get_caption(self) -> str:
        return f"{super().get_caption()} · page {self.current.number} of {len(self.pages)}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            agency_return=self.agency_return,
            section=self.current.section,
            page_title=f"{self.current.title} – {self.agency_return}",
            task_list_url=self.task_list_url(),
        )
        return context


def _and(words: list[str]) -> str:
    if not words:
        return "other answers"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class ReturnCheckView(ReturnEditing, FormPageView):
    """Check your answers, then submit the return for sign-off. A submission refused because
    something is missing changes nothing; each missing answer is listed at the top, linked to
    its own row, which says what it needs and links to its question."""

    form_class = ReturnSubmitForm
    template_name = "audits/return_check.html"
    submit_label = "Submit for sign-off"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"revision": self.agency_return.assessment.revision}

    def form_valid(self, form: ReturnSubmitForm) -> HttpResponse:
        try:
            return super().form_valid(form)
        except ConflictError:
            messages.error(
                self.request,
                "Someone else saved this return after you opened this page, so it has not "
                "been submitted. Check the answers as they are now, then submit again.",
            )
            return redirect(self.check_url())

    def form_invalid(self, form: ReturnSubmitForm) -> HttpResponse:
        if form.non_field_errors() and any(page.missing for page in self.pages):
            # Refused for what is missing: each shown on its own row, linked from the top.
            self.refused = True
            form = ReturnSubmitForm(initial=self.get_initial())
        return super().form_invalid(form)

    def save(self, form: ReturnSubmitForm) -> AgencyReturn:
        return services.return_submit(
            actor=self.actor,
            agency_return=self.agency_return,
            expected_revision=form.cleaned_data["revision"],
        )

    def get_success_message(self, record: AgencyReturn) -> str:
        return "Your return has been submitted to your agency lead for sign-off."

    def success_url_for(self, record: AgencyReturn) -> str:
        return self.return_url()

    def get_cancel_url(self) -> str:
        return self.task_list_url()

    def get_heading(self) -> str:
        return "Check your answers before submitting the return"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pages = self.pages
        refused = getattr(self, "refused", False)
        context.update(
            agency_return=self.agency_return,
            page_title=f"Check your answers – {self.agency_return}",
            pages=[(page, self.page_url(page.number)) for page in pages],
            refused=refused,
            still_needed=sum(len(page.missing) for page in pages),
            extra_errors=[
                {"href": f"#missing-{q.item.pk}", "text": q.missing}
                for page in pages
                for q in page.missing
            ]
            if refused
            else [],
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
        to_complete = sorted(
            selectors.my_returns(actor=self.actor),
            key=lambda r: (r.due_date is None, r.due_date or date.max, r.case.reference),
        )
        offline = {
            r.case.audit_id: r.case.audit
            for r in to_complete
            if r.case.audit.status == AuditStatus.AUDITING
        }
        context.update(
            to_complete=_due(to_complete),
            to_sign_off=_due(selectors.returns_to_sign_off(actor=self.actor)),
            to_assign=_due(selectors.returns_to_assign(actor=self.actor)),
            offline_audits=list(offline.values()) if self.actor.can("return.edit") else [],
        )
        return context


def _due(returns: Iterable[AgencyReturn]) -> list[tuple[AgencyReturn, bool]]:
    """Each return, and whether it is overdue."""
    today = timezone.localdate()
    return [(r, is_overdue(due=r.due_date, status=r.status, today=today)) for r in returns]
