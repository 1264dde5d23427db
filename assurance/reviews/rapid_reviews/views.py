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
from assurance.reviews.rapid_reviews.forms import (
    MeetingLinkForm,
    RapidReviewForm,
    ScrutineerReviewForm,
)
from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.selectors import (
    meeting_choices,
    partners_quorum,
    rapid_review_of,
)
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

    def get_lead(self) -> str:
        meeting = self.review.meeting
        if meeting is None:
            return (
                "Fill in what has happened so far; come back to add the rest. The safeguarding "
                "partners' decision needs the review meeting linked first."
            )
        lead = (
            "Fill in what has happened so far; come back to add the rest. The review meeting: "
            f"{meeting}."
        )
        if self.request.method == "POST":
            return lead  # a refused decision says itself whether the meeting was quorate
        return f"{lead} {partners_quorum(meeting).explanation}"

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


class RapidReviewMeetingView(RapidReviewMixin, FormPageView):
    """The review meeting: one of the partnership's meetings (the learning cycle's), whose
    attendance is recorded on the meeting's own page."""

    permission = "review.manage"
    form_class = MeetingLinkForm
    page_title = "The review meeting"
    lead = (
        "The safeguarding partners decide at the review meeting. Their decision can be recorded "
        "once the meeting's attendance shows the local authority, the police and health present."
    )
    submit_label = "Link the meeting"
    success_message = "The review meeting of {record.incident.reference} has been linked."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["meetings"] = meeting_choices(incident=self.incident)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"meeting": self.review.meeting}

    def save(self, form: MeetingLinkForm) -> RapidReview:
        return services.rapid_review_meeting_link(
            actor=self.actor, incident=self.incident, **form.cleaned_data
        )
