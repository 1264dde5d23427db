"""``GET /api/v1/actions/``: the action log (filtered), as JSON.

The same permission layer as the pages: each partnership's actions are read with the actor of
that partnership, under ``action.view``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.improvement.actions.models import Action
from assurance.improvement.actions.selectors import action_list, action_status_of
from assurance.improvement.actions.status import STATUS_LABELS
from assurance.partnerships.api import partnership_actors


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
        for actor in partnership_actors(request, "action.view"):
            actions = action_list(actor=actor)
            if agency is not None:
                actions = actions.filter(owner_agency_id=int(agency))
            if due_before:
                actions = actions.filter(due_date__lte=due_before)
            if due_after:
                actions = actions.filter(due_date__gte=due_after)
            for action in actions:
                row = action_json(action, actor.partnership.slug, request, today)
                if status is None or row["status"] == status:
                    rows.append(row)
        return Response(rows)
