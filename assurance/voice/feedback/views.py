"""Pages of feedback: the child's form (public, by open link), what children said, the form's
links with their QR codes, and the business unit's duty inbox."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from assurance.core.forms import add_service_errors
from assurance.core.open_links import (
    OpenLinkFormView,
    OpenLinkPage,
    open_link_url,
    qr_code_response,
)
from assurance.core.pagination import paginate
from assurance.core.spreadsheets import XLSX, UploadProblem
from assurance.partnerships.viewmixins import (
    AccessLogged,
    FormPageView,
    HistoryView,
    PartnershipViewMixin,
)
from assurance.voice.feedback import selectors, services
from assurance.voice.feedback.forms import (
    ChildFeedbackForm,
    DutyInboxForm,
    FeedbackLinkForm,
    FeedbackLinkUpdateForm,
    HandleForm,
    UploadForm,
)
from assurance.voice.feedback.models import Feedback, FeedbackLink, Feeling

FACES = {
    Feeling.REALLY_GOOD: "really-good",
    Feeling.GOOD: "good",
    Feeling.OK: "ok",
    Feeling.NOT_GOOD: "not-good",
    Feeling.REALLY_BAD: "really-bad",
}


def public_link(request: HttpRequest, link: FeedbackLink) -> str:
    """The open link's full address, as the QR code and the business unit's pages give it."""
    return open_link_url(request, "say:feedback_form", link.token)


# --- the child's form (no sign-in) -------------------------------------------------------------


class ChildPageMixin(OpenLinkPage[FeedbackLink]):
    """A page a child reaches by the open link: no sign-in, nothing of the service around it."""

    not_found = "No such form."

    def find(self, token: str) -> FeedbackLink | None:
        return selectors.open_link(token=token)

    def is_open(self, record: FeedbackLink) -> bool:
        return record.is_open

    @property
    def link(self) -> FeedbackLink:
        return self.record

    def page_context(self) -> dict[str, Any]:
        inbox = selectors.duty_inbox(partnership=self.link.partnership)
        return {
            "link": self.link,
            "local_help": inbox.local_help if inbox else "",
            "child_page": True,
        }


class ChildFormView(ChildPageMixin, OpenLinkFormView[FeedbackLink]):
    template_name = "voice/feedback/child_form.html"
    form_class = ChildFeedbackForm
    closed_template = "voice/feedback/child_closed.html"
    closed_title = "This form is closed"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "link": self.link}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        faces = []
        for choice in form["feeling"]:
            faces.append({"choice": choice, "face": FACES[Feeling(int(choice.data["value"]))]})
        context.update(self.page_context(), faces=faces, page_title=self.link.title)
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.feedback_submit(
                link=self.link,
                age_band=data["age_band"],
                service=data.get("service") or "",
                feeling=data["feeling"],
                good=data["good"],
                better=data["better"],
                base_url=self.request.build_absolute_uri("/")[:-1],
                client=self.request.META.get("REMOTE_ADDR", ""),
            )
        except services.TooManyRequests as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("say:feedback_thanks", args=[self.link.token]))


class ChildThanksView(ChildPageMixin, TemplateView):
    template_name = "voice/feedback/child_thanks.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **self.page_context()}


# --- what children said ------------------------------------------------------------------------


class VoiceMixin(PartnershipViewMixin):
    section = "voice"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Voice", "href": self.partnership_url("voice:feedback_list")}]


class FeedbackListView(VoiceMixin, TemplateView):
    permission = "voice.view"
    template_name = "voice/feedback/feedback_list.html"
    page_title = "What children and families told us"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_feedback(self) -> QuerySet[Feedback]:
        """The feedback listed (a higher noun's page adds what it knows of each piece)."""
        return selectors.reportable(actor=self.actor)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            paginate(self.request, self.get_feedback()),
            can_manage=self.actor.can("voice.manage"),
            can_duty=self.actor.can("voice.duty"),
            can_upload=self.actor.can("voice.upload"),
            duty_waiting=(
                selectors.duty_waiting(actor=self.actor) if self.actor.can("voice.duty") else 0
            ),
        )
        return context


class FeedbackDetailView(VoiceMixin, TemplateView):
    permission = "voice.view"
    template_name = "voice/feedback/feedback_detail.html"

    @cached_property
    def feedback(self) -> Feedback:
        return selectors.get_feedback(actor=self.actor, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            feedback=self.feedback,
            page_title=str(self.feedback),
            can_manage=self.actor.can("voice.manage"),
        )
        return context


# --- the form's links --------------------------------------------------------------------------


class LinkMixin(VoiceMixin):
    permission = "voice.manage"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": "Form links", "href": self.partnership_url("voice:link_list")},
        ]

    @cached_property
    def link(self) -> FeedbackLink:
        return selectors.get_link(actor=self.actor, pk=self.kwargs["pk"])


class LinkListView(LinkMixin, TemplateView):
    template_name = "voice/feedback/link_list.html"
    page_title = "Form links"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return VoiceMixin.get_breadcrumbs(self)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["links"] = [
            (link, public_link(self.request, link))
            for link in selectors.link_list(actor=self.actor)
        ]
        return context


class LinkDetailView(LinkMixin, TemplateView):
    template_name = "voice/feedback/link_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            link=self.link,
            url=public_link(self.request, self.link),
            page_title=self.link.title,
            answers=selectors.reportable(actor=self.actor).filter(link=self.link).count(),
        )
        return context


class LinkQRView(LinkMixin, View):
    """The QR code of an open link, as a PNG to print on a poster or a leaflet."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return qr_code_response(
            public_link(request, self.link), filename=f"form-link-{self.link.pk}-qr.png"
        )


class LinkCreateView(LinkMixin, FormPageView):
    form_class = FeedbackLinkForm
    page_title = "Add a form link"
    lead = (
        "Anyone with the link, or its QR code, can fill in the form without signing in. "
        "They are never asked for a name."
    )
    submit_label = "Add the link"
    success_message = "The link “{record}” is ready to share."

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:link_list")

    def save(self, form: Any) -> FeedbackLink:
        return services.feedback_link_create(
            actor=self.actor,
            title=form.cleaned_data["title"],
            service=form.cleaned_data["service"],
        )

    def success_url_for(self, record: FeedbackLink) -> str:
        return self.partnership_url("voice:link_detail", record.pk)


class LinkUpdateView(LinkMixin, FormPageView):
    form_class = FeedbackLinkUpdateForm
    page_title = "Change the form link"
    success_message = "The link “{record}” is saved."

    def get_object(self) -> FeedbackLink:
        return self.link

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:link_detail", self.link.pk)

    def get_history_url(self) -> str:
        return self.partnership_url("voice:link_history", self.link.pk)

    def save(self, form: Any) -> FeedbackLink:
        data = form.cleaned_data
        return services.feedback_link_update(
            actor=self.actor,
            link=self.link,
            title=data["title"],
            service=data["service"],
            is_open=data["is_open"],
        )


class LinkHistoryView(LinkMixin, HistoryView):
    def get_object(self) -> FeedbackLink:
        return self.link

    def back_url(self, record: FeedbackLink) -> str:
        return self.partnership_url("voice:link_detail", record.pk)


# --- the duty inbox ----------------------------------------------------------------------------


class DutyMixin(VoiceMixin):
    permission = "voice.duty"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": "Duty inbox", "href": self.partnership_url("voice:duty_list")},
        ]


class DutyListView(DutyMixin, TemplateView):
    template_name = "voice/feedback/duty_list.html"
    page_title = "Duty inbox: possible disclosures"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return VoiceMixin.get_breadcrumbs(self)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            paginate(self.request, selectors.duty_list(actor=self.actor)),
            waiting=selectors.duty_waiting(actor=self.actor),
        )
        return context


class DutyDetailView(AccessLogged, DutyMixin, FormPageView):
    """A possible disclosure: its words, why it was flagged, and what was done about it."""

    access_logged = "feedback"
    template_name = "voice/feedback/duty_detail.html"
    form_class = HandleForm
    submit_label = "Save what was done"
    success_message = "What was done about {record} is recorded."

    @cached_property
    def feedback(self) -> Any:
        return selectors.get_flagged(actor=self.actor, pk=self.kwargs["pk"])

    def get_object(self) -> Any:
        return self.feedback

    def get_heading(self) -> str:
        return f"Possible disclosure {self.feedback.reference}"

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:duty_list")

    def get_history_url(self) -> str:
        return self.partnership_url("voice:duty_history", self.feedback.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(feedback=self.feedback, page_title=self.get_heading())
        return context

    def save(self, form: Any) -> Any:
        return services.feedback_handle(
            actor=self.actor, feedback=self.feedback, note=form.cleaned_data["handling_note"]
        )


class DutyHistoryView(DutyMixin, HistoryView):
    def get_object(self) -> Any:
        return selectors.get_flagged(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("voice:duty_detail", record.pk)


class DutyInboxSettingsView(DutyMixin, FormPageView):
    permission = "voice.manage"
    form_class = DutyInboxForm
    page_title = "Duty inbox settings"
    lead = (
        "A message that contains one of these words, or what looks like a name, address, "
        "phone number or other identifier, goes to the duty inbox at once and is e-mailed to "
        "the duty address. It never appears in a report or a summary."
    )
    success_message = "The duty inbox settings are saved."

    def get_object(self) -> Any:
        return selectors.duty_inbox(partnership=self.partnership)

    def get_initial(self) -> dict[str, Any]:
        if self.get_object() is None:
            words = selectors.disclosure_words(partnership=self.partnership)
            return {"disclosure_words": "\n".join(words)}
        return {}

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:duty_list")

    def save(self, form: Any) -> Any:
        data = form.cleaned_data
        return services.duty_inbox_save(
            actor=self.actor,
            duty_email=data["duty_email"],
            disclosure_words=data["disclosure_words"],
            local_help=data["local_help"],
        )


# --- agencies' spreadsheets --------------------------------------------------------------------


class UploadView(VoiceMixin, FormPageView):
    """An agency's spreadsheet of the feedback it gathered: loaded whole, or not at all, with
    each problem named by sheet, row and column."""

    permission = "voice.upload"
    template_name = "voice/feedback/upload.html"
    form_class = UploadForm
    page_title = "Upload feedback an agency gathered"
    lead = (
        "Download the template, fill in one row for each piece of feedback (never a name), and "
        "upload it. Nothing is stored unless every row is right."
    )
    submit_label = "Upload"
    error_field = "file"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "agencies": selectors.upload_agencies(actor=self.actor),
        }

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:feedback_list")

    def save(self, form: Any) -> Any:
        file = form.cleaned_data["file"]
        try:
            return services.feedback_upload(
                actor=self.actor,
                agency=form.cleaned_data["agency"],
                file_name=file.name,
                content=file.read(),
                base_url=self.request.build_absolute_uri("/")[:-1],
            )
        except UploadProblem as problem:
            raise problem.on_field("file") from problem

    def get_success_message(self, record: Any) -> str:
        return f"{record.rows} pieces of feedback from {record.agency} are loaded."


class UploadTemplateView(VoiceMixin, View):
    permission = "voice.upload"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = HttpResponse(services.upload_template(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="feedback-template.xlsx"'
        return response
