"""``GET /api/v1/actions/{id}/thread``: an action's golden thread as JSON, through the same
permission layer as the pages (a thread outside the user's partnerships is a 404)."""

from __future__ import annotations

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

from assurance.improvement.actions.api import ActionSerializer, action_json
from assurance.improvement.actions.models import Action
from assurance.improvement.thread import selectors as thread_selectors
from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.api import partnership_actor


class LinkSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    detail = serializers.CharField(help_text="What the record says, in words.")
    date = serializers.DateField(allow_null=True)
    url = serializers.CharField(help_text="The page on the platform, if it has one.")


class RecommendationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    text = serializers.CharField()
    origin = serializers.CharField(help_text="Where the recommendation came from.")
    status = serializers.CharField()


class UpdateSerializer(serializers.Serializer):
    recorded_at = serializers.DateTimeField()
    rag = serializers.CharField()
    text = serializers.CharField()
    recorded_by = serializers.CharField()


class EvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    description = serializers.CharField()
    kind = serializers.ChoiceField(choices=["file", "link"])
    url = serializers.CharField()
    added_at = serializers.DateTimeField()


class ImpactSerializer(serializers.Serializer):
    method = serializers.CharField()
    outcome = serializers.CharField()
    outcome_label = serializers.CharField()
    summary = serializers.CharField()
    figures = serializers.DictField(help_text="The numbers compared, and the method.")
    assessed_at = serializers.DateTimeField()
    assessed_by = serializers.CharField(allow_null=True, help_text="None: by the platform.")


class ThreadSerializer(serializers.Serializer):
    action = ActionSerializer()
    learning = LinkSerializer(many=True)
    themes = LinkSerializer(many=True)
    recommendation = RecommendationSerializer(allow_null=True)
    decisions = LinkSerializer(many=True)
    updates = UpdateSerializer(many=True)
    evidence = EvidenceSerializer(many=True)
    impact = ImpactSerializer(many=True, help_text="Latest first; the first one stands.")
    closed = serializers.BooleanField(help_text="Complete, with its impact assessed.")


def _link(link: thread_selectors.Link) -> dict[str, Any]:
    return {
        "kind": link.kind,
        "id": link.pk,
        "title": link.title,
        "detail": link.detail,
        "date": link.when,
        "url": link.url,
    }


def thread_json(golden: thread_selectors.Thread, request: Request) -> dict[str, Any]:
    action = golden.action
    slug = action.partnership.slug
    recommendation = golden.recommendation
    base = f"/p/{slug}/actions/{action.pk}/evidence/"
    return {
        "action": action_json(action, slug, request, timezone.localdate()),
        "learning": [_link(link) for link in golden.learning],
        "themes": [_link(link) for link in golden.themes],
        "recommendation": {
            "id": recommendation.pk,
            "title": recommendation.title,
            "text": recommendation.text,
            "origin": recommendation.source,
            "status": recommendation.status,
        }
        if recommendation
        else None,
        "decisions": [_link(link) for link in golden.decisions],
        "updates": [
            {
                "recorded_at": u.recorded_at,
                "rag": u.rag,
                "text": u.text,
                "recorded_by": u.recorded_by.full_name,
            }
            for u in golden.updates
        ],
        "evidence": [
            {
                "id": e.pk,
                "description": e.description,
                "kind": "file" if e.file else "link",
                "url": request.build_absolute_uri(e.link or f"{base}{e.pk}/"),
                "added_at": e.added_at,
            }
            for e in golden.evidence
        ],
        "impact": [
            {
                "method": a.method,
                "outcome": a.outcome,
                "outcome_label": a.get_outcome_display(),
                "summary": a.summary,
                "figures": a.figures,
                "assessed_at": a.assessed_at,
                "assessed_by": a.assessed_by.full_name if a.assessed_by else None,
            }
            for a in golden.impact
        ],
        "closed": golden.closed,
    }


class ActionThreadAPI(APIView):
    """An action's golden thread: the learning it came from, the recommendation, the decision
    and its meeting, progress, evidence, and the impact assessed."""

    @extend_schema(
        responses=ThreadSerializer,
        operation_id="actions_thread",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        action = (
            Action.unscoped.filter(pk=pk, partnership__in=partnerships_for_user(request.user))
            .select_related("partnership")
            .first()
        )
        if action is None:
            raise NotFound("No such action.")
        actor = partnership_actor(request, action.partnership.slug, not_found="No such action.")
        try:
            golden = thread_selectors.action_thread(actor=actor, pk=pk)
        except Http404 as exc:
            raise NotFound("No such action.") from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(thread_json(golden, request))
