"""Pages of the practice review: its record (terms of reference, reviewers, milestones, notice
and publication) and its findings made learning of the learning cycle."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db import models

from assurance.partnerships.viewmixins import FormPageView
from assurance.reviews.notifications.views import OneIncidentMixin
from assurance.reviews.practice_reviews import services
from assurance.reviews.practice_reviews.forms import FindingForm, PracticeReviewForm
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.practice_reviews.selectors import practice_review_of
from assurance.reviews.practice_reviews.services import FIELDS


class PracticeReviewMixin(OneIncidentMixin):
    permission = "review.manage"

    @cached_property
    def review(self) -> PracticeReview:
        return practice_review_of(incident=self.incident)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Reviews", "href": self.partnership_url("reviews:board")},
            {"text": self.incident.reference, "href": self.get_cancel_url()},
        ]


class PracticeReviewRecordView(PracticeReviewMixin, FormPageView):
    form_class = PracticeReviewForm
    page_title = "Record the practice review"
    lead = "Fill in what has happened so far; come back to add the rest."
    success_message = "The practice review of {record.incident.reference} has been recorded."

    def get_revision_records(self) -> list[models.Model]:
        return [self.review] if self.review.pk else []

    def get_initial(self) -> dict[str, Any]:
        return {name: getattr(self.review, name) for name in FIELDS}

    def save(self, form: PracticeReviewForm) -> PracticeReview:
        return services.practice_review_record(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )


class FindingCreateView(PracticeReviewMixin, FormPageView):
    form_class = FindingForm
    page_title = "Add a finding to the learning cycle"
    lead = (
        "The finding becomes a learning item: the Assurance and Review Group recommends on it, "
        "the executive decides and actions follow, on the golden thread."
    )
    submit_label = "Add the finding"
    success_message = "The finding is now learning in the learning cycle."

    def get_form_kwargs(self) -> dict[str, Any]:
        self.incident  # noqa: B018 - through the permission layer first: another's is a 404
        return super().get_form_kwargs()

    def save(self, form: FindingForm) -> Any:
        return services.practice_review_finding(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )

    def get_success_message(self, record: Any) -> str:
        return self.success_message
