"""The actions API: the action log (filtered) and an action's golden thread, as JSON.

The same permission layer as the pages: each partnership's actions are read with the actor of
that partnership, under ``action.view``; a thread outside the user's partnerships is a 404.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.improvement import thread as thread_selectors
from assurance.improvement.models import Action
from assurance.improvement.selectors import action_list, action_status_of
from assurance.improvement.status import STATUS_LABELS
from assurance.partnerships.access import actor_for, partnerships_for_user


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    title = serializers.CharField()
    owner_agency = serializers.CharField()
    owner_agency_id = serializers.IntegerField()
    owner = serializers.CharField(allow_null=True)
    start_date = serializers.DateField(allow_null=True)
    due_date = serializers.DateField()
    completed_on = serializers.DateField(allow_null=True)
    delivery_type = serializers.CharField()
    measure_kind = serializers.CharField()
    measure = serializers.CharField()
    status = serializers.ChoiceField(
        choices=list(STATUS_LABELS), help_text="Computed from the dates (see status.py)."
    )
    status_label = serializers.CharField()
    recommendation = serializers.IntegerField(allow_null=True)
    thread_url = serializers.CharField()


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


def action_json(action: Action, slug: str, request: Request, today: date) -> dict[str, Any]:
    status, label = action_status_of(action, today)
    return {
        "id": action.pk,
        "partnership": slug,
        "title": action.title,
        "owner_agency": action.owner_agency.name,
        "owner_agency_id": action.owner_agency_id,
        "owner": action.owner.full_name if action.owner else None,
        "start_date": action.start_date,
        "due_date": action.due_date,
        "completed_on": action.completed_at,
        "delivery_type": action.delivery_type,
        "measure_kind": action.measure_kind,
        "measure": action.measure,
        "status": status,
        "status_label": label,
        "recommendation": action.recommendation_id,
        "thread_url": request.build_absolute_uri(f"/api/v1/actions/{action.pk}/thread"),
    }


def _date_param(request: Request, name: str) -> date | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationError({name: "Give a date as YYYY-MM-DD."}) from exc


class ActionListAPI(APIView):
    """The actions you may see, in every partnership you belong to, with their computed status.
    Filter by status, owner agency (id) and due date."""

    @extend_schema(
        responses=ActionSerializer(many=True),
        operation_id="actions_list",
        parameters=[
            OpenApiParameter("status", str, enum=list(STATUS_LABELS)),
            OpenApiParameter("owner_agency", int, description="The owner agency's id."),
            OpenApiParameter("due_before", str, description="Due on or before (YYYY-MM-DD)."),
            OpenApiParameter("due_after", str, description="Due on or after (YYYY-MM-DD)."),
        ],
    )
    def get(self, request: Request) -> Response:
        status = request.query_params.get("status") or None
        if status and status not in STATUS_LABELS:
            raise ValidationError({"status": f"One of {', '.join(STATUS_LABELS)}."})
        agency = request.query_params.get("owner_agency") or None
        if agency is not None and not agency.isdigit():
            raise ValidationError({"owner_agency": "Give the agency's id."})
        due_before, due_after = (
            _date_param(request, "due_before"),
            _date_param(request, "due_after"),
        )
        today = timezone.localdate()
        rows = []
        for partnership in partnerships_for_user(request.user):
            actor = actor_for(request.user, partnership.slug)
            if not actor.can("action.view"):
                continue
            actions = action_list(actor=actor)
            if agency is not None:
                actions = actions.filter(owner_agency_id=int(agency))
            if due_before:
                actions = actions.filter(due_date__lte=due_before)
            if due_after:
                actions = actions.filter(due_date__gte=due_after)
            for action in actions:
                row = action_json(action, partnership.slug, request, today)
                if status is None or row["status"] == status:
                    rows.append(row)
        return Response(rows)


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
        try:
            actor = actor_for(request.user, action.partnership.slug)
            golden = thread_selectors.action_thread(actor=actor, pk=pk)
        except Http404 as exc:
            raise NotFound("No such action.") from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(thread_json(golden, request))
