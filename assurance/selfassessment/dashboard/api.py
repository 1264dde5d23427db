"""``GET /api/v1/self-assessments/rounds/`` and ``GET /api/v1/self-assessments/rounds/{id}/
completion``: the partnership's self-assessment rounds with how many participants have each
status, and one round's participants with their status.

The same permission layer as the pages (``self_assessment.view``: the business unit and the
scrutineer): the list holds the rounds of every partnership where the caller has it; a round of
another partnership is a 404, and a round of one's own without the permission a 403. Each reads
a fixed number of queries, whatever the number of rounds or participants."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.partnerships.api import partnership_actors
from assurance.selfassessment.dashboard import rules, selectors
from assurance.selfassessment.rounds.api import round_for_request
from assurance.selfassessment.rounds.models import ParticipantStatus, Round
from assurance.selfassessment.rounds.selectors import round_list

STATUSES = [*ParticipantStatus.values]


class TotalsSerializer(serializers.Serializer):
    not_started = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    submitted = serializers.IntegerField()
    overdue = serializers.IntegerField(
        help_text="Not submitted once the deadline has passed (the day after it)."
    )
    total = serializers.IntegerField()


class RoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    tool = serializers.CharField(help_text="The self-assessment tool (framework) and version.")
    year = serializers.IntegerField(help_text="The business year it starts in: 2025 is 2025/26.")
    year_label = serializers.CharField(help_text="2025/26")
    audience = serializers.ChoiceField(choices=["agencies", "settings"])
    deadline = serializers.DateField()
    counts = TotalsSerializer(help_text="How many participants have each status.")
    url = serializers.CharField(help_text="The round's page.")


class CompletionRowSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["agency", "setting"])
    urn = serializers.IntegerField(allow_null=True, help_text="A setting's URN in GIAS.")
    status = serializers.ChoiceField(choices=STATUSES)
    submitted_on = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()


class CompletionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    tool = serializers.CharField()
    year = serializers.IntegerField()
    deadline = serializers.DateField()
    totals = TotalsSerializer()
    organisations = CompletionRowSerializer(many=True)


def _totals(counts: dict[str, int], round: Round, today: Any) -> dict[str, int]:
    totals = {s: counts.get(s, 0) for s in STATUSES}
    totals["overdue"] = rules.overdue_count(counts=totals, deadline=round.deadline, today=today)
    totals["total"] = sum(counts.get(s, 0) for s in STATUSES)
    return totals


class RoundListAPI(APIView):
    """The self-assessment rounds of every partnership where you may see them, newest first,
    with how many participants have not started, are in progress, have submitted and are
    overdue."""

    @extend_schema(responses=RoundSerializer(many=True), operation_id="self_assessment_rounds")
    def get(self, request: Request) -> Response:
        today = timezone.localdate()
        rows = []
        for actor in partnership_actors(request, "self_assessment.view"):
            rounds = selectors.round_list_counts(rounds=round_list(actor=actor))
            for round in rounds.select_related("partnership"):
                counts = {s: getattr(round, f"n_{s}") for s in STATUSES}
                rows.append(
                    {
                        "id": round.pk,
                        "partnership": round.partnership.slug,
                        "tool": str(round.framework),
                        "year": round.year,
                        "year_label": round.year_label,
                        "audience": round.audience,
                        "deadline": round.deadline,
                        "counts": _totals(counts, round, today),
                        "url": request.build_absolute_uri(
                            f"/p/{round.partnership.slug}/self-assessment/rounds/{round.pk}/"
                        ),
                    }
                )
        return Response(rows)


class RoundCompletionAPI(APIView):
    """One round's participants (each organisation: agency or school or college) with their
    status and the day they submitted, and the totals by status."""

    @extend_schema(
        responses=CompletionSerializer,
        operation_id="self_assessment_round_completion",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        actor, round = round_for_request(request, pk)
        today = timezone.localdate()
        # whether a participant is overdue depends only on its status (and the round's dates)
        overdue = {
            s: rules.is_overdue(status=s, deadline=round.deadline, today=today) for s in STATUSES
        }
        organisations, counts = [], dict.fromkeys(STATUSES, 0)
        for name, urn, status, submitted in selectors.organisations(actor=actor, round=round):
            counts[status] += 1
            organisations.append(
                {
                    "name": name,
                    "kind": "agency" if urn is None else "setting",
                    "urn": urn,
                    "status": status,
                    # written as the JSON encoder writes a date, once here rather than
                    # through its fallback for each of hundreds of rows
                    "submitted_on": submitted.isoformat() if submitted else None,
                    "overdue": overdue[status],
                }
            )
        return Response(
            {
                "id": round.pk,
                "tool": str(round.framework),
                "year": round.year,
                "deadline": round.deadline,
                "totals": _totals(counts, round, today),
                "organisations": organisations,
            }
        )
