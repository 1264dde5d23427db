"""Pages of the rapid review: the business unit's record of it (sent to the Panel, the
recommendation, the safeguarding partners' decision, the Panel's response) and the independent
scrutineer's review of the decision."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db import models

from assurance.partnerships.viewmixins import FormPageView
from assurance.reviews.notifications.views import OneIncidentMixin
from assurance.reviews.rapid_reviews import services
from assurance.reviews.rapid_reviews.forms import RapidReviewForm, ScrutineerReviewForm
from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.selectors import rapid_review_of
from assurance.reviews.rapid_reviews.services import FIELDS


class RapidReviewMixin(OneIncidentMixin):
    @cached_property
    def review(self) -> RapidReview:
        return rapid_review_of(incident=self.incident)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Reviews", "href": self.partnership_url("reviews:board")},
            {"text": self.incident.reference, "href": self.get_cancel_url()},
        ]

    def get_revision_records(self) -> list[models.Model]:
        return [self.review] if self.review.pk else []


class RapidReviewRecordView(RapidReviewMixin, FormPageView):
    permission = "review.manage"
    form_class = RapidReviewForm
    page_title = "Record the rapid review"
    lead = "Fill in what has happened so far; come back to add the rest."
    success_message = "The rapid review of {record.incident.reference} has been recorded."

    def get_initial(self) -> dict[str, Any]:
        return {name: getattr(self.review, name) for name in FIELDS}

    def save(self, form: RapidReviewForm) -> RapidReview:
        return services.rapid_review_record(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )


class ScrutineerReviewView(RapidReviewMixin, FormPageView):
    permission = "review.scrutinise"
    form_class = ScrutineerReviewForm
    page_title = "Review the decision"
    submit_label = "Record your review"
    success_message = "Your review of the decision on {record.incident.reference} is recorded."

    def get_lead(self) -> str:
        review = self.review
        if not review.decision:
            return (
                "The safeguarding partners have not decided yet: review the decision once "
                "they have."
            )
        return (
            f"The safeguarding partners decided on {review.decided_on:%-d %B %Y}: "
            f"{review.get_decision_display()}. {review.decision_reasons}"
        )

    def get_initial(self) -> dict[str, Any]:
        return {"scrutineer_review": self.review.scrutineer_review}

    def save(self, form: ScrutineerReviewForm) -> RapidReview:
        return services.rapid_review_scrutinise(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )
