"""``GET /api/v1/self-assessments/rounds/{id}/staff-survey``: what staff say, by organisation.
For each organisation of the round with a practitioners' survey: how many staff answered and,
only once at least ``MIN_GROUP`` have (the minimum group size the pages keep), per standard how
many gave each answer, beside the organisation's self-rating in its submitted return and the
flag where the two disagree. Below the minimum group, no answer and no flag: only the count and
how many more are needed.

The same permission layer as the pages (``self_assessment.view``): a round of another
partnership is a 404, one's own without the permission a 403. A fixed number of queries,
whatever the number of organisations or standards."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.selfassessment.rounds.api import round_for_request
from assurance.selfassessment.surveys import rules
from assurance.selfassessment.surveys.models import StaffAnswer
from assurance.selfassessment.surveys.selectors import round_staff_survey

ANSWERS = [answer.label for answer in StaffAnswer]


class StaffAnswerCountSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=ANSWERS, help_text="On the practitioners' scale.")
    count = serializers.IntegerField(help_text="Staff who gave it.")


class StaffStandardSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    self_rating = serializers.CharField(
        help_text="The organisation's rating in its submitted return; empty when it has not "
        "submitted one (a draft rates nothing)."
    )
    answers = StaffAnswerCountSerializer(many=True, help_text="Per answer, in the scale's order.")
    answered = serializers.IntegerField(help_text="Staff who answered the standard.")
    with_a_view = serializers.IntegerField(help_text="Those answered, less “I don't know”.")
    flag = serializers.CharField(
        help_text="“Staff less positive” or “Staff more positive” where the self-rating and "
        "the staff disagree; empty otherwise."
    )


class StaffOrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["agency", "setting"])
    urn = serializers.IntegerField(allow_null=True, help_text="A setting's URN in GIAS.")
    responses = serializers.IntegerField(help_text="Staff who answered the survey.")
    results_shown = serializers.BooleanField(
        help_text=f"At least {rules.MIN_GROUP} answered: only then are the standards given."
    )
    more_needed = serializers.IntegerField(help_text="Answers still needed before any result.")
    standards = StaffStandardSerializer(
        many=True, help_text="Empty until the minimum group size is reached."
    )


class RoundStaffSurveySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    tool = serializers.CharField()
    year = serializers.IntegerField(help_text="The business year it starts in: 2025 is 2025/26.")
    minimum_group = serializers.IntegerField(
        help_text="No result of an organisation is given below this many answers."
    )
    organisations = StaffOrganisationSerializer(many=True)


class RoundStaffSurveyAPI(APIView):
    """What staff say, by organisation: each standard's answers beside the self-rating, only
    where at least the minimum group of staff answered."""

    @extend_schema(
        responses=RoundStaffSurveySerializer,
        operation_id="self_assessment_round_staff_survey",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        actor, round = round_for_request(request, pk)
        organisations = []
        for survey in round_staff_survey(actor=actor, round=round):
            participant = survey.participant
            setting = participant.setting
            organisations.append(
                {
                    "name": participant.name,
                    "kind": "setting" if setting is not None else "agency",
                    "urn": setting.urn if setting is not None else None,
                    "responses": survey.responses,
                    "results_shown": survey.shown,
                    "more_needed": rules.more_needed(survey.responses),
                    "standards": [
                        {
                            "code": row.code,
                            "title": row.title,
                            "self_rating": row.self_rating,
                            "answers": [{"answer": label, "count": n} for label, n in row.counts],
                            "answered": row.distribution.n,
                            "with_a_view": row.distribution.with_a_view,
                            "flag": row.flag,
                        }
                        for row in survey.standards
                    ],
                }
            )
        return Response(
            {
                "id": round.pk,
                "tool": str(round.framework),
                "year": round.year,
                "minimum_group": rules.MIN_GROUP,
                "organisations": organisations,
            }
        )
