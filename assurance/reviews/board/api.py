"""``GET /api/v1/reviews/`` and ``GET /api/v1/reviews/{id}``: serious incidents and their
reviews with the statutory deadlines, as JSON.

The same permission layer as the pages: each partnership's reviews are read with the actor of
that partnership under ``review.view``, so a practitioner gets only the reviews they are named
on (the business unit and the scrutineer get every one), and a review they are not named on is
a 404, as on its page. One review (``{id}``) also gives each agency's answers to its
information request once the agency has submitted them, to those who may open the review (its
panel, the business unit and the scrutineer: the restricted scope); the list leaves them out.
The deadlines are computed by the statutory clock (working days on the
England and Wales bank holidays and the partnership's closure days)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from assurance.core.links import record_link
from assurance.partnerships.api import partnership_actor, partnership_actors
from assurance.reviews.board.selectors import (
    Facts,
    Information,
    closures_for,
    facts_for,
    information_requests,
    may_open,
    timeline_from,
    users_review_facts,
)
from assurance.reviews.board.timeline import STAGES, Timeline
from assurance.reviews.clock.rules import is_late
from assurance.reviews.information_requests.models import InformationStatus
from assurance.reviews.information_requests.selectors import submitted_answers
from assurance.reviews.rapid_reviews.models import Outcome


class InformationRequestSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="The agency asked.")
    asked_on = serializers.DateField(help_text="The day the request was sent.")
    due_on = serializers.DateField(help_text="Working days after it was sent (the partnership's).")
    answered_on = serializers.DateField(allow_null=True, help_text="The day it was submitted.")
    status = serializers.ChoiceField(choices=InformationStatus.values)
    late = serializers.BooleanField(help_text="Submitted after its due date, or past it and not.")


class InformationAnswerSerializer(serializers.Serializer):
    section = serializers.CharField(help_text="The template's section (Chronology summary).")
    code = serializers.CharField(help_text="The question's code in the template (1.1).")
    question = serializers.CharField()
    answer = serializers.CharField(
        allow_null=True,
        help_text="The option chosen, the date (YYYY-MM-DD), the number or the text; null: "
        "not answered.",
    )
    evidence = serializers.CharField(allow_blank=True)


class InformationRequestDetailSerializer(InformationRequestSerializer):
    id = serializers.IntegerField()
    answers = InformationAnswerSerializer(
        many=True,
        allow_null=True,
        help_text="The agency's answers on the rapid review template (chronology summary, "
        "involvement, early learning) once it has submitted them; null before (a draft is the "
        "agency's own).",
    )


class ReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    reference = serializers.CharField(help_text="The pseudonymised reference (SI-2026-01).")
    incident_type = serializers.CharField()
    age_band = serializers.CharField()
    looked_after = serializers.BooleanField()
    became_aware_on = serializers.DateField(help_text="The day the local authority became aware.")
    notification_due = serializers.DateField(help_text="5 working days after becoming aware.")
    notified_on = serializers.DateField(allow_null=True)
    rapid_review_due = serializers.DateField(help_text="15 working days after becoming aware.")
    rapid_review_sent_on = serializers.DateField(allow_null=True)
    decision = serializers.ChoiceField(
        choices=["", *Outcome.values],
        help_text="The safeguarding partners' decision; empty: none yet.",
    )
    decided_on = serializers.DateField(allow_null=True)
    publication_due = serializers.DateField(
        allow_null=True, help_text="Six months after a decision to undertake a practice review."
    )
    published_on = serializers.DateField(allow_null=True)
    stage = serializers.ChoiceField(choices=list(STAGES))
    stage_label = serializers.CharField()
    late = serializers.BooleanField(help_text="A deadline was missed (done late, or not done).")
    next_deadline = serializers.DateField(allow_null=True)
    working_days_left = serializers.IntegerField(
        allow_null=True, help_text="To the next deadline; negative once it has passed."
    )
    url = serializers.CharField(help_text="The review's page.")
    information_requests = InformationRequestSerializer(
        many=True, help_text="The agencies asked for their information for the rapid review."
    )


class ReviewDetailSerializer(ReviewSerializer):
    information_requests = InformationRequestDetailSerializer(
        many=True,
        help_text="The agencies asked for their information for the rapid review, with their "
        "answers once submitted.",
    )


def _iso(day: date | None) -> str | None:
    """A date as the JSON gives it (YYYY-MM-DD), written here rather than by the encoder's
    fallback for each of the list's thousand dates."""
    return None if day is None else day.isoformat()


def information_json(request: Information, today: date) -> dict[str, Any]:
    """An agency's information request as the list gives it."""
    return {
        "agency": request.agency,
        "asked_on": _iso(request.asked_on),
        "due_on": _iso(request.due_on),
        "answered_on": _iso(request.answered_on),
        "status": request.status,
        "late": is_late(due=request.due_on, done_on=request.answered_on, today=today),
    }


def information_detail_json(
    request: Information, today: date, answers: dict[int, list[dict[str, Any]]]
) -> dict[str, Any]:
    """An information request as one review gives it: with its id and, once the agency has
    submitted it, its answers (null before: a draft is the agency's own)."""
    submitted = request.status == InformationStatus.SUBMITTED
    return {
        "id": request.pk,
        **information_json(request, today),
        "answers": answers.get(request.pk, []) if submitted else None,
    }


def review_json(
    review: Facts, timeline: Timeline, information: list[dict[str, Any]], url: str
) -> dict[str, Any]:
    notification, rapid = timeline.get("notification"), timeline.get("rapid_review")
    assert notification is not None and rapid is not None  # every review has both
    publication = timeline.get("publication")
    following = timeline.next
    return {
        "id": review.pk,
        "partnership": review.slug,
        "reference": review.reference,
        "incident_type": review.incident_type,
        "age_band": review.age_band,
        "looked_after": review.looked_after,
        "became_aware_on": _iso(review.became_aware_on),
        "notification_due": _iso(notification.due),
        "notified_on": _iso(review.notified_on),
        "rapid_review_due": _iso(rapid.due),
        "rapid_review_sent_on": _iso(review.sent_on),
        "decision": review.decision,
        "decided_on": _iso(review.decided_on),
        "publication_due": _iso(publication.due) if publication else None,
        "published_on": _iso(publication.done_on) if publication else None,
        "stage": timeline.stage,
        "stage_label": timeline.stage_label,
        "late": timeline.late,
        "next_deadline": _iso(following.due) if following else None,
        "working_days_left": following.days_left if following else None,
        "url": url,
        "information_requests": information,
    }


def review_url(request: Request, review: Facts) -> str:
    """The absolute address of the review's page."""
    return request.build_absolute_uri(
        record_link("reviews:incident_detail", review.slug, key=review.pk)
    )


# Reviews of the list kept as JSON: a business unit's ten years are 80, so this is room for
# every review read in a day by a process serving a hundred partnerships' callers
REVIEWS_KEPT = 8192


@lru_cache(maxsize=REVIEWS_KEPT)
def review_list_item(
    review: Facts,
    today: date,
    closures: frozenset[date],
    information: tuple[Information, ...],
    url: str,
) -> bytes:
    """One review of the list as JSON, written once per content (ADR 032): remembered under
    everything it is worked out from (its facts and information requests as read by this
    request, today, the partnership's closure days and its address), so a remembered one is
    never out of date and nothing needs invalidating."""
    timeline = timeline_from(review, today, closures)
    body = review_json(review, timeline, [information_json(r, today) for r in information], url)
    return JSONRenderer().render(body)


def json_array(items: Iterable[bytes]) -> bytes:
    """A JSON array of items each already rendered by the API's ``JSONRenderer``: the bytes it
    would render for the list itself (its compact separators, ``COMPACT_JSON``)."""
    comma = b"," if api_settings.COMPACT_JSON else b", "
    return b"[" + comma.join(items) + b"]"


class ReviewListAPI(APIView):
    """The serious incidents and reviews you may open, in every partnership you belong to, with
    their statutory deadlines and stage."""

    @extend_schema(responses=ReviewSerializer(many=True), operation_id="reviews_list")
    def get(self, request: Request) -> HttpResponse:
        today = timezone.localdate()
        reviews: list[Facts] = []
        for actor in partnership_actors(request, "review.view"):
            reviews += facts_for(actor=actor)
        closures = closures_for(reviews)
        information = information_requests(reviews=reviews)
        # Each review written once per content; the list is those bytes, as JSONRenderer would
        # write it (the response is the renderer's media type, negotiated as for any view)
        body = json_array(
            review_list_item(
                r, today, closures[r.partnership_id], information[r.pk], review_url(request, r)
            )
            for r in reviews
        )
        return HttpResponse(body, content_type=JSONRenderer.media_type)


class ReviewDetailAPI(APIView):
    """One serious incident and its review, with its statutory deadlines and stage, and each
    agency's answers to its information request once submitted."""

    @extend_schema(
        responses=ReviewDetailSerializer,
        operation_id="reviews_detail",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        # Its facts, in one query, among the partnerships the caller belongs to; then whether
        # they may open it (the panel, the business unit, the scrutineer: the restricted
        # scope). One they may not is a 404, as on its page.
        review = users_review_facts(user_id=request.user.pk, pk=pk)
        if review is None:
            raise NotFound("No such review.")
        actor = partnership_actor(request, review.slug, permission="review.view")
        if not may_open(actor=actor, review=review):
            raise NotFound("No such review.")
        today: date = timezone.localdate()
        timeline = timeline_from(review, today, closures_for([review])[review.partnership_id])
        answers = submitted_answers(incident_ids=[review.pk])
        information = [
            information_detail_json(r, today, answers)
            for r in information_requests(reviews=[review])[review.pk]
        ]
        return Response(review_json(review, timeline, information, review_url(request, review)))
