"""``GET /api/v1/self-assessments/rounds/{id}/standards``: per standard of the round's tool,
how many submitted returns gave each rating, how many meet it out of how many rated it, the
proportion with its 95% Wilson interval, and the last round's proportion of the same standard.

The same permission layer as the pages (``self_assessment.view``): a round of another
partnership is a 404, one's own without the permission a 403. A fixed number of queries,
whatever the number of returns or standards."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.selfassessment.rounds.api import round_for_request
from assurance.selfassessment.standards import selectors


class SelfAssessmentRatingCountSerializer(serializers.Serializer):
    rating = serializers.CharField(help_text="The rating's label on the tool's scale.")
    count = serializers.IntegerField(help_text="Submitted returns that gave it.")


class SelfAssessmentStandardSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    counts = SelfAssessmentRatingCountSerializer(
        many=True, help_text="Per rating, in the scale's order."
    )
    met = serializers.IntegerField(help_text="Returns rating it on a rating that meets it.")
    n = serializers.IntegerField(help_text="Returns rating it (not 'not applicable').")
    proportion = serializers.FloatField(allow_null=True, help_text="met / n; null when n is 0.")
    ci_low = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, lower.")
    ci_high = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, upper.")
    previous_proportion = serializers.FloatField(
        allow_null=True,
        help_text="The last round's proportion of the standard of the same code; null when "
        "there is no earlier round, the standard was not in it, or nobody rated it.",
    )
    change = serializers.FloatField(
        allow_null=True, help_text="proportion − previous_proportion (0.05 is 5 points)."
    )


class SelfAssessmentPreviousRoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    tool = serializers.CharField()


class SelfAssessmentRoundStandardsSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    tool = serializers.CharField()
    year = serializers.IntegerField(help_text="The business year it starts in: 2025 is 2025/26.")
    participants = serializers.IntegerField()
    returns = serializers.IntegerField(help_text="Submitted returns (drafts do not count).")
    previous_round = SelfAssessmentPreviousRoundSerializer(
        allow_null=True, help_text="The latest earlier round of the same tool."
    )
    standards = SelfAssessmentStandardSerializer(many=True)


class RoundStandardsAPI(APIView):
    """Per standard: the ratings of the round's submitted returns, the proportion that meet
    it with its 95% Wilson interval, and the change since the last round of the tool."""

    @extend_schema(
        responses=SelfAssessmentRoundStandardsSerializer,
        operation_id="self_assessment_round_standards",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        actor, round = round_for_request(request, pk)
        figures = selectors.round_standards(actor=actor, round=round)
        previous = figures.previous
        return Response(
            {
                "id": round.pk,
                "tool": str(round.framework),
                "year": round.year,
                "participants": figures.participants,
                "returns": figures.returns,
                "previous_round": {
                    "id": previous.pk,
                    "year": previous.year,
                    "tool": str(previous.framework),
                }
                if previous
                else None,
                "standards": [
                    {
                        "code": s.code,
                        "title": s.title,
                        "counts": [{"rating": label, "count": n} for label, n in s.counts],
                        "met": s.met,
                        "n": s.n,
                        "proportion": s.proportion,
                        "ci_low": s.ci_low,
                        "ci_high": s.ci_high,
                        "previous_proportion": s.previous_proportion,
                        "change": s.change,
                    }
                    for s in figures.standards
                ],
            }
        )
