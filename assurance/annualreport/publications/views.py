"""The business unit's pages of what the partnership makes public beside its annual reports:
the list (public now, and withdrawn), making a published practice review or a closed audit's
summary public, and withdrawing one. The scrutineer reads the list."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.annualreport.publications import selectors, services
from assurance.annualreport.publications.forms import (
    AuditPublicForm,
    ReviewPublicForm,
    WithdrawForm,
)
from assurance.annualreport.publications.models import Publication
from assurance.annualreport.reports.views import ReportsMixin
from assurance.partnerships.viewmixins import FormPageView


class PublicationsMixin(ReportsMixin):
    def list_url(self) -> str:
        return self.partnership_url("annualreport:publication_list")


class PublicationListView(PublicationsMixin, TemplateView):
    permission = "annual_report.view"
    template_name = "annualreport/publications.html"
    page_title = "Practice reviews and audit summaries made public"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        slug = self.partnership.slug
        found = list(selectors.publication_list(actor=self.actor))
        context.update(
            public=[
                {"publication": p, "url": reverse("annual_public:publication", args=[slug, p.pk])}
                for p in found
                if p.is_public
            ],
            withdrawn=[{"publication": p} for p in found if not p.is_public],
            can_manage=self.actor.can("annual_report.manage"),
            public_home=reverse("annual_public:home", args=[slug]),
        )
        return context


class ReviewPublicView(PublicationsMixin, FormPageView):
    permission = "annual_report.manage"
    form_class = ReviewPublicForm
    page_title = "Make a practice review public"
    lead = (
        "It is listed on the partnership's public page of published reports, with the title and "
        "summary you write, the date the partners published it and the link to its report, as "
        "they are now: changing the review later does not change what the public reads."
    )
    submit_label = "Make it public"
    success_message = "Made public: {record}."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["reviews"] = selectors.publishable_reviews(actor=self.actor)
        return kwargs

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: Any) -> Publication:
        return services.review_make_public(
            actor=self.actor,
            review=form.cleaned_data["review"],
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
        )


class AuditPublicView(PublicationsMixin, FormPageView):
    permission = "annual_report.manage"
    form_class = AuditPublicForm
    page_title = "Make an audit's summary public"
    lead = (
        "The summary you write and the audit's key findings, as they are now, are listed on the "
        "partnership's public page of published reports: no case, no case reference and no name "
        "is made public, and changing the audit later does not change what the public reads."
    )
    submit_label = "Make it public"
    success_message = "Made public: {record}."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["audits"] = selectors.publishable_audits(actor=self.actor)
        return kwargs

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: Any) -> Publication:
        return services.audit_make_public(
            actor=self.actor,
            audit=form.cleaned_data["audit"],
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
        )


class WithdrawView(PublicationsMixin, FormPageView):
    permission = "annual_report.manage"
    form_class = WithdrawForm
    page_title = "Take it off the public pages"
    lead = "The public will no longer find it. It stays here, with its history."
    submit_label = "Take it off the public pages"
    success_message = "Taken off the public pages: {record}."

    @cached_property
    def publication(self) -> Publication:
        return selectors.get_publication(actor=self.actor, pk=self.kwargs["pk"])

    def get_caption(self) -> str:
        return self.publication.title

    def get_object(self) -> Publication:
        return self.publication

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: Any) -> Publication:
        return services.publication_withdraw(actor=self.actor, publication=self.publication)
