"""The partnership's closure days: the business unit adds the days its offices are shut, which
the statutory clock of serious incidents and reviews does not count as working days; and the
partnership's settings of the clock (notice before publication, time to answer an information
request), with their history."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import Http404
from django.views.generic import TemplateView

from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.reviews.clock import selectors, services
from assurance.reviews.clock.forms import ClosureDayForm, ConfirmForm, ReviewSettingsForm
from assurance.reviews.clock.models import ClosureDay, ReviewSettings


class ClosureMixin(PartnershipViewMixin):
    section = "reviews"
    permission = "review.manage"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Reviews", "href": self.partnership_url("reviews:board")},
            {"text": "Closure days", "href": self.partnership_url("reviews:closure_day_list")},
        ]

    def get_cancel_url(self) -> str:
        return self.partnership_url("reviews:closure_day_list")


class ClosureDayListView(ClosureMixin, TemplateView):
    template_name = "reviews/closure_day_list.html"
    page_title = "Closure days"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return super().get_breadcrumbs()[:1]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["closures"] = list(selectors.closure_day_list(actor=self.actor))
        return context


class ClosureDayAddView(ClosureMixin, FormPageView):
    form_class = ClosureDayForm
    page_title = "Add a closure day"
    lead = (
        "Deadlines for notifying the Panel and sending rapid reviews are counted in working "
        "days. Weekends and England and Wales bank holidays are never counted; add the other "
        "days your offices are closed."
    )
    submit_label = "Add the closure day"
    success_message = "{record.day:%-d %B %Y} is now a closure day."

    def save(self, form: ClosureDayForm) -> ClosureDay:
        return services.closure_day_add(actor=self.actor, **form.cleaned_data)


class ClosureDayRemoveView(ClosureMixin, FormPageView):
    form_class = ConfirmForm
    page_title = "Remove the closure day"
    submit_label = "Remove it"
    success_message = "The closure day has been removed: deadlines count it as a working day."

    @cached_property
    def closure(self) -> ClosureDay:
        return selectors.get_closure_day(actor=self.actor, pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        self.closure  # noqa: B018 - through the permission layer first: another's is a 404
        return super().get_form_kwargs()

    def get_lead(self) -> str:
        return (
            f"{self.closure.day:%A %-d %B %Y} ({self.closure.reason}) will count as a working "
            "day for every deadline."
        )

    def save(self, form: ConfirmForm) -> ClosureDay:
        closure = self.closure
        services.closure_day_remove(actor=self.actor, closure=closure)
        return closure


class ReviewSettingsView(ClosureMixin, FormPageView):
    form_class = ReviewSettingsForm
    page_title = "Settings of the reviews' clock"
    lead = (
        "These apply to the whole partnership. A change applies to practice reviews recorded "
        "and information requests sent from now on; those already recorded keep theirs."
    )
    success_message = "The settings of the reviews' clock have been saved."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return super().get_breadcrumbs()[:1]

    def get_cancel_url(self) -> str:
        return self.partnership_url("reviews:board")

    @cached_property
    def settings(self) -> ReviewSettings:
        return selectors.review_settings(partnership=self.partnership)

    def get_revision_records(self) -> list[Any]:
        return [self.settings] if self.settings.pk else []

    def get_history_url(self) -> str:
        return self.partnership_url("reviews:review_settings_history") if self.settings.pk else ""

    def get_initial(self) -> dict[str, Any]:
        return {
            "notice_working_days": self.settings.notice_working_days,
            "information_working_days": self.settings.information_working_days,
        }

    def save(self, form: ReviewSettingsForm) -> ReviewSettings:
        return services.review_settings_update(actor=self.actor, **form.cleaned_data)


class ReviewSettingsHistoryView(ClosureMixin, HistoryView):
    def get_object(self) -> ReviewSettings:
        settings = selectors.review_settings(partnership=self.partnership)
        if settings.pk is None:
            raise Http404("The settings have not been changed yet: there is no history.")
        return settings

    def back_url(self, record: Any) -> str:
        return self.partnership_url("reviews:review_settings")
