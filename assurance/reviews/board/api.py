"""``GET /api/v1/reviews/`` and ``GET /api/v1/reviews/{id}``: serious incidents and their
reviews with the statutory deadlines, as JSON.

The same permission layer as the pages: each partnership's reviews are read with the actor of
that partnership under ``review.view``, so a practitioner gets only the reviews they are named
on (the business unit and the scrutineer get every one), and a review they are not named on is
a 404, as on its page. The deadlines are computed by the statutory clock (working days on the
England and Wales bank holidays and the partnership's closure days)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.api import partnership_actor, partnership_actors
from assurance.reviews.board.selectors import (
    closures_for,
    rows_for,
    with_rapid_reviews,
)
from assurance.reviews.board.timeline import STAGES
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.selectors import get_incident, incident_list
from assurance.reviews.rapid_reviews.models import Outcome


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


def review_json(row: Any, request: Request) -> dict[str, Any]:
    incident, timeline = row.incident, row.timeline
    review = getattr(incident, "rapid_review", None)
    notification, rapid = timeline.get("notification"), timeline.get("rapid_review")
    publication = timeline.get("publication")
    following = timeline.next
    slug = incident.partnership.slug
    return {
        "id": incident.pk,
        "partnership": slug,
        "reference": incident.reference,
        "incident_type": incident.incident_type,
        "age_band": incident.age_band,
        "looked_after": incident.looked_after,
        "became_aware_on": incident.became_aware_on,
        "notification_due": notification.due,
        "notified_on": incident.notified_on,
        "rapid_review_due": rapid.due,
        "rapid_review_sent_on": review.sent_on if review else None,
        "decision": review.decision if review else "",
        "decided_on": review.decided_on if review else None,
        "publication_due": publication.due if publication else None,
        "published_on": publication.done_on if publication else None,
        "stage": timeline.stage,
        "stage_label": timeline.stage_label,
        "late": timeline.late,
        "next_deadline": following.due if following else None,
        "working_days_left": following.days_left if following else None,
        "url": request.build_absolute_uri(f"/p/{slug}/reviews/{incident.pk}/"),
    }


class ReviewListAPI(APIView):
    """The serious incidents and reviews you may open, in every partnership you belong to, with
    their statutory deadlines and stage."""

    @extend_schema(responses=ReviewSerializer(many=True), operation_id="reviews_list")
    def get(self, request: Request) -> Response:
        today = timezone.localdate()
        incidents: list[SeriousIncident] = []
        for actor in partnership_actors(request, "review.view"):
            incidents += list(with_rapid_reviews(incident_list(actor=actor)).order_by("pk"))
        rows = rows_for(incidents, today, closures_for(incidents))
        return Response([review_json(row, request) for row in rows])


class ReviewDetailAPI(APIView):
    """One serious incident and its review, with its statutory deadlines and stage."""

    @extend_schema(
        responses=ReviewSerializer,
        operation_id="reviews_detail",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        found = (
            SeriousIncident.unscoped.filter(
                pk=pk, partnership__in=partnerships_for_user(request.user)
            )
            .select_related("partnership")
            .first()
        )
        if found is None:
            raise NotFound("No such review.")
        actor = partnership_actor(request, found.partnership.slug, permission="review.view")
        try:
            incident = get_incident(actor=actor, pk=pk)
        except Http404 as exc:
            raise NotFound("No such review.") from exc
        except DjangoPermissionDenied as exc:  # pragma: no cover - the actor was checked
            raise PermissionDenied(str(exc)) from exc
        today: date = timezone.localdate()
        [row] = rows_for([incident], today, closures_for([incident]))
        return Response(review_json(row, request))
