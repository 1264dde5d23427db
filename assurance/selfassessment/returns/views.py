"""Pages of a return, found by its participant (the organisation in the round): the return's page
(its sections with their status, the way to check and sign off, its evidence), a section's page
("Save and continue"), check your answers and the head's sign-off, the business unit's unlock,
the printable page and its PDF, and the history."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.text import slugify
from django.views import View
from django.views.generic import TemplateView

from assurance.audits.progress import SectionProgress, SectionStatus
from assurance.core import documents
from assurance.core.downloads import file_download
from assurance.frameworks.models import Item
from assurance.partnerships.viewmixins import (
    DocumentView,
    FormPageView,
    HistoryView,
    PartnershipViewMixin,
)
from assurance.selfassessment.returns import report, selectors, services
from assurance.selfassessment.returns.forms import (
    EvidenceForm,
    RemoveForm,
    SectionForm,
    SubmitForm,
    UnlockForm,
)
from assurance.selfassessment.returns.models import ReturnEvidence, SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Participant


class ReturnMixin(PartnershipViewMixin):
    """A page of one participant's return. A school's users reach it from their school's page,
    the business unit from the round's."""

    section = "self-assessment"
    return_permission = "sa_return.view"

    @cached_property
    def participant(self) -> Participant:
        return selectors.get_participant(
            actor=self.actor, pk=self.kwargs["pk"], permission=self.return_permission
        )

    @cached_property
    def sa_return(self) -> SelfAssessmentReturn | None:
        return selectors.return_of(participant=self.participant)

    @property
    def is_locked(self) -> bool:
        return self.sa_return is not None and self.sa_return.is_locked

    @cached_property
    def member_role(self) -> str:
        """The actor's role in the participant's school ("" for anyone else)."""
        return selectors.setting_role(actor=self.actor, participant=self.participant)

    def may_fill_in(self) -> bool:
        return selectors.may_fill_in(
            actor=self.actor, participant=self.participant, role=self.member_role
        )

    def may_sign_off(self) -> bool:
        return selectors.may_sign_off(
            actor=self.actor, participant=self.participant, role=self.member_role
        )

    @cached_property
    def carried(self) -> set[int]:
        """The standards whose carried-forward answer is not yet confirmed or changed."""
        return selectors.unconfirmed_items(sa_return=self.sa_return)

    @cached_property
    def pages(self) -> list[SectionProgress]:
        return selectors.return_pages(participant=self.participant, sa_return=self.sa_return)

    def return_url(self) -> str:
        return self.partnership_url("selfassessment:return_detail", self.participant.pk)

    def page_url(self, number: int) -> str:
        return self.partnership_url("selfassessment:return_section", self.participant.pk, number)

    def check_url(self) -> str:
        return self.partnership_url("selfassessment:return_check", self.participant.pk)

    def get_cancel_url(self) -> str:
        return self.return_url()

    def get_caption(self) -> str:
        return f"{self.participant.name} · {self.participant.round}"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.base_crumbs()

    def base_crumbs(self) -> list[dict[str, str]]:
        participant = self.participant
        if self.actor.can("self_assessment.view"):
            crumbs = [
                {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
                {
                    "text": str(participant.round),
                    "href": self.partnership_url(
                        "selfassessment:round_detail", participant.round_id
                    ),
                },
            ]
        elif participant.setting_id is not None:
            crumbs = [
                {
                    "text": participant.name,
                    "href": self.partnership_url(
                        "selfassessment:setting_detail", participant.setting_id
                    ),
                }
            ]
        else:
            crumbs = []
        return crumbs

    def return_crumbs(self) -> list[dict[str, str]]:
        return [*self.base_crumbs(), {"text": "The return", "href": self.return_url()}]

    def locked_redirect(self) -> HttpResponse | None:
        if self.is_locked:
            messages.info(self.request, services.LOCKED)
            return redirect(self.return_url())
        return None


class ReturnDetailView(ReturnMixin, TemplateView):
    """The return's page: its state, its sections with their status (links to fill them in for
    the school's lead and deputies), how many are completed, checking and signing off, and each
    standard's evidence."""

    permission = "sa_return.view"
    template_name = "selfassessment/return_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        participant, sa_return, pages = self.participant, self.sa_return, self.pages
        locked = self.is_locked
        can_fill_in = not locked and self.may_fill_in()
        can_sign_off = not locked and self.may_sign_off()
        context.update(
            participant=participant,
            round=participant.round,
            sa_return=sa_return,
            locked=locked,
            page_title=f"{participant.name}: {participant.round.framework.name}",
            caption=str(participant.round),
            tasks=[(page, self.page_url(page.number)) for page in pages],
            completed=sum(page.status == SectionStatus.COMPLETED for page in pages),
            unconfirmed=len(self.carried),
            can_fill_in=can_fill_in,
            can_sign_off=can_sign_off,
            can_check=can_fill_in or can_sign_off,
            can_unlock=locked and self.actor.can("sa_return.unlock"),
            check_url=self.check_url(),
            overdue=not locked and participant.round.is_past_deadline,
        )
        return context


class ReturnSectionView(ReturnMixin, FormPageView):
    """One section of the return: each standard's rating and narrative, and a tick for each
    answer carried forward. Every save keeps the answers; "Save and continue" goes on to the
    next section (after the last, to checking the answers), the other button back to the
    return's page."""

    permission = "sa_return.edit"
    return_permission = "sa_return.edit"
    form_class = SectionForm
    template_name = "selfassessment/return_section.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.may_fill_in():
            messages.info(request, "Your school's lead and deputies fill the return in.")
            return redirect(self.return_url())
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    @property
    def current(self) -> SectionProgress:
        number = self.kwargs["number"]
        if not 1 <= number <= len(self.pages):
            raise Http404("The return has no such section.")
        return self.pages[number - 1]

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        page = self.current
        kwargs.update(
            sections=[page.section],
            answers={q.item.pk: q.answer for q in page.questions if q.answer is not None},
            agency_return=None,
            carried={q.item.pk for q in page.questions} & self.carried,
        )
        revision = self.sa_return.assessment.revision if self.sa_return else 0
        kwargs.setdefault("initial", {})["revision"] = revision
        return kwargs

    @property
    def later(self) -> bool:
        return "later" in self.request.POST

    def save(self, form: SectionForm) -> SelfAssessmentReturn:
        return services.return_section_save(
            actor=self.actor,
            participant=self.participant,
            answers=form.answers(),
            expected_revision=form.cleaned_data["revision"],
            confirmed=form.confirmed(),
        )

    @property
    def evidence_item(self) -> int | None:
        """The standard whose "Save and add a file or link" button was pressed."""
        chosen = self.request.POST.get("evidence", "")
        items = {q.item.pk for q in self.current.questions}
        return int(chosen) if chosen.isdigit() and int(chosen) in items else None

    def get_success_message(self, record: SelfAssessmentReturn) -> str:
        if self.later:
            return "Your answers have been saved. You can come back to the return at any time."
        return ""

    def success_url_for(self, record: SelfAssessmentReturn) -> str:
        item = self.evidence_item
        if item is not None:
            return self.partnership_url(
                "selfassessment:return_evidence_add", self.participant.pk, item
            )
        if self.later:
            return self.return_url()
        following = self.current.number + 1
        return self.page_url(following) if following <= len(self.pages) else self.check_url()

    def get_heading(self) -> str:
        return self.current.title

    def get_caption(self) -> str:
        return f"{super().get_caption()} · section {self.current.number} of {len(self.pages)}"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            section=self.current.section,
            page_title=f"{self.current.title} – {self.participant.name}",
        )
        evidence = selectors.evidence_map(sa_return=self.sa_return)
        context["rows"] = [
            (*row, evidence.get(row[0].pk, [])) for row in context["form"].section_rows
        ]
        return context


class ReturnCheckView(ReturnMixin, FormPageView):
    """Check the answers; the head signs off, which submits and locks the return. A sign-off
    refused for what is missing changes nothing and lists each missing answer."""

    permission = "sa_return.sign_off"
    return_permission = "sa_return.sign_off"
    form_class = SubmitForm
    template_name = "selfassessment/return_check.html"
    submit_label = "Sign off and submit the return"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.may_sign_off():
            raise PermissionDenied("Only the organisation's head signs its return off.")
        return super().post(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"revision": self.sa_return.assessment.revision if self.sa_return else 0}

    def save(self, form: SubmitForm) -> SelfAssessmentReturn:
        return services.return_submit(
            actor=self.actor,
            participant=self.participant,
            expected_revision=form.cleaned_data["revision"],
        )

    def get_success_message(self, record: SelfAssessmentReturn) -> str:
        return "The return has been signed off and submitted to the partnership."

    def get_heading(self) -> str:
        return "Check the answers before the return is signed off"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pages = self.pages
        evidence = selectors.evidence_map(sa_return=self.sa_return)
        context.update(
            participant=self.participant,
            page_title=f"Check the answers – {self.participant.name}",
            pages=[
                (
                    page,
                    self.page_url(page.number),
                    [(q, evidence.get(q.item.pk, [])) for q in page.questions],
                )
                for page in pages
            ],
            still_needed=sum(len(page.missing) for page in pages),
            can_fill_in=self.may_fill_in(),
            can_sign_off=self.may_sign_off(),
        )
        return context


class ReturnUnlockView(ReturnMixin, FormPageView):
    permission = "sa_return.unlock"
    return_permission = "sa_return.unlock"
    form_class = UnlockForm
    page_title = "Unlock the return"
    submit_label = "Unlock the return"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.is_locked:
            messages.info(request, "This return is not submitted, so there is nothing to unlock.")
            return redirect(self.return_url())
        return super().get(request, *args, **kwargs)

    def get_lead(self) -> str:
        return (
            f"{self.participant.name} will be able to change its return again, and must be "
            "signed off again. Its users are e-mailed your reason."
        )

    def save(self, form: UnlockForm) -> SelfAssessmentReturn:
        return services.return_unlock(
            actor=self.actor,
            participant=self.participant,
            reason=form.cleaned_data["reason"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )

    def get_success_message(self, record: SelfAssessmentReturn) -> str:
        return f"The return is unlocked. {self.participant.name}'s users have been e-mailed."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()


class ReturnDocumentView(ReturnMixin, DocumentView):
    """The return to print: a page, its PDF and its Word document."""

    permission = "sa_return.view"

    def get_report(self) -> documents.Report:
        return report.return_report(
            participant=self.participant,
            sa_return=self.sa_return,
            pages=self.pages,
            evidence=selectors.evidence_map(sa_return=self.sa_return),
        )

    def get_filename(self) -> str:
        participant = self.participant
        return slugify(
            f"{participant.name} {participant.round.framework.name} {participant.round.year_label}"
        )

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pk = self.participant.pk
        context.update(
            page_title=f"Print – {self.participant.name}",
            pdf_url=self.partnership_url("selfassessment:return_pdf", pk),
            docx_url=self.partnership_url("selfassessment:return_docx", pk),
        )
        return context


class ReturnHistoryView(ReturnMixin, HistoryView):
    permission = "sa_return.view"

    def get_object(self) -> SelfAssessmentReturn:
        if self.sa_return is None:
            raise Http404("Nothing has been saved in this return yet.")
        return self.sa_return

    def back_url(self, record: Any) -> str:
        return self.return_url()


class EvidenceAddView(ReturnMixin, FormPageView):
    """A file or a link for one standard, then back to its section."""

    permission = "sa_return.edit"
    return_permission = "sa_return.edit"
    form_class = EvidenceForm
    submit_label = "Add the evidence"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    @cached_property
    def item(self) -> Item:
        return selectors.get_item(participant=self.participant, pk=self.kwargs["item"])

    def get_heading(self) -> str:
        return f"Add a file or link for {self.item.code}"

    def get_lead(self) -> str:
        return self.item.text

    def section_url(self) -> str:
        number = next((p.number for p in self.pages if p.section.pk == self.item.section_id), 1)
        return f"{self.page_url(number)}#question-{self.item.pk}"

    def get_cancel_url(self) -> str:
        return self.section_url()

    def save(self, form: EvidenceForm) -> ReturnEvidence:
        return services.evidence_add(
            actor=self.actor,
            participant=self.participant,
            item=self.item,
            description=form.cleaned_data["description"],
            file=form.cleaned_data.get("file"),
            link=form.cleaned_data.get("link") or "",
        )

    def get_success_message(self, record: ReturnEvidence) -> str:
        return f"“{record.description}” has been added to {self.item.code}."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"{self.get_heading()} – {self.participant.name}"
        return context


class EvidenceFileView(ReturnMixin, View):
    """An uploaded file of a return, for whoever may read the return."""

    permission = "sa_return.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        evidence = selectors.get_evidence(participant=self.participant, pk=kwargs["evidence_pk"])
        if not evidence.file:
            raise Http404("This evidence is a link, not a file.")
        return file_download(evidence.file, evidence.file_name)


class EvidenceRemoveView(ReturnMixin, FormPageView):
    permission = "sa_return.edit"
    return_permission = "sa_return.edit"
    form_class = RemoveForm
    submit_label = "Remove it"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.locked_redirect() or super().get(request, *args, **kwargs)

    @cached_property
    def evidence(self) -> ReturnEvidence:
        return selectors.get_evidence(participant=self.participant, pk=self.kwargs["evidence_pk"])

    def get_heading(self) -> str:
        return f"Remove “{self.evidence.description}” from {self.evidence.item.code}?"

    def get_lead(self) -> str:
        return "It is taken off the return; the return's history keeps a record of it."

    def get_cancel_url(self) -> str:
        number = next(
            (p.number for p in self.pages if p.section.pk == self.evidence.item.section_id), 1
        )
        return f"{self.page_url(number)}#question-{self.evidence.item_id}"

    def save(self, form: RemoveForm) -> ReturnEvidence:
        evidence = self.evidence
        services.evidence_remove(actor=self.actor, participant=self.participant, evidence=evidence)
        return evidence

    def get_success_message(self, record: ReturnEvidence) -> str:
        return f"“{record.description}” has been removed."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.return_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"Remove evidence – {self.participant.name}"
        return context
