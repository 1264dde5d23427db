"""``GET /api/v1/training/courses/``, ``.../courses/{id}/evaluation`` and
``.../courses/{id}/responses``: the courses of every partnership of the caller's, a course's
evaluation figures, and the pseudonymous ratings they are computed from, so an analyst can
recompute every figure. The same permission layer as the pages: a course is read with the actor
of its partnership (``evaluation.view``; the ratings ``evaluation.responses``); another
partnership's course is a 404. No names or e-mails: respondents are their reference numbers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.api import partnership_actor, partnership_actors
from assurance.training.courses.models import Course
from assurance.training.courses.selectors import get_course
from assurance.training.evaluation import selectors

ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    title = serializers.CharField()
    level = serializers.CharField()
    is_active = serializers.BooleanField(help_text="Offered: its sessions can be booked.")
    outcomes = serializers.ListField(
        child=serializers.DictField(), help_text="Its learning outcomes: id and text."
    )
    responses = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Questionnaires answered by attendees, by stage.",
    )


class ComparisonSerializer(serializers.Serializer):
    comparison = serializers.ChoiceField(choices=["before_end", "before_three_months"])
    n_pairs = serializers.IntegerField(help_text="Attendees who answered both stages.")
    mean_before = serializers.FloatField(allow_null=True)
    mean_after = serializers.FloatField(allow_null=True)
    mean_change = serializers.FloatField(allow_null=True)
    ci_low = serializers.FloatField(allow_null=True, help_text="95% interval, paired t.")
    ci_high = serializers.FloatField(allow_null=True)
    p_value = serializers.FloatField(allow_null=True, help_text="Wilcoxon signed-rank.")
    caution = serializers.BooleanField(help_text="Fewer than 10 pairs.")


class OutcomeSerializer(serializers.Serializer):
    outcome_id = serializers.IntegerField()
    outcome = serializers.CharField()
    measure = serializers.ChoiceField(choices=["knowledge", "confidence"])
    comparisons = ComparisonSerializer(many=True)
    manager_agreement = inline_serializer(
        "ManagerAgreement",
        {
            "n_pairs": serializers.IntegerField(),
            "within_one": serializers.FloatField(allow_null=True),
            "mean_difference": serializers.FloatField(allow_null=True),
        },
    )


class EvaluationSerializer(serializers.Serializer):
    course = serializers.IntegerField()
    title = serializers.CharField()
    attendees = serializers.IntegerField()
    response_rates = serializers.ListField(child=serializers.DictField())
    outcomes = OutcomeSerializer(many=True)


class RatingSerializer(serializers.Serializer):
    respondent = serializers.CharField(help_text="The pseudonymous respondent id (R…).")
    stage = serializers.ChoiceField(choices=["before", "end", "three_months", "manager"])
    outcome_id = serializers.IntegerField()
    measure = serializers.ChoiceField(choices=["knowledge", "confidence"])
    score = serializers.IntegerField(min_value=1, max_value=10)


def _course(request: Request, pk: int, permission: str, *, digest: bool = False) -> Course:
    """The course, read with the actor of its partnership under ``permission`` (another
    partnership's: 404); with the digest of its evaluation's figures if asked."""
    found = (
        Course.unscoped.filter(pk=pk, partnership__in=partnerships_for_user(request.user))
        .select_related("partnership")
        .first()
    )
    if found is None:
        raise NotFound("No such course.")
    actor = partnership_actor(request, found.partnership.slug, permission=permission)
    try:
        if digest:
            return selectors.evaluated_course(actor=actor, pk=pk)
        return get_course(actor=actor, pk=pk)
    except Http404 as exc:  # pragma: no cover - the partnership was checked
        raise NotFound("No such course.") from exc
    except DjangoPermissionDenied as exc:  # pragma: no cover - the permission was checked
        raise PermissionDenied(str(exc)) from exc


def evaluation_json(evaluation: selectors.CourseEvaluation) -> dict[str, Any]:
    """The figures as the API gives them (and as a test recomputes them)."""
    return {
        "course": evaluation.course.pk,
        "title": evaluation.course.title,
        "attendees": evaluation.attendees,
        "response_rates": [
            {
                "stage": rate.stage.value,
                "invited": rate.invited,
                "responded": rate.responded,
                "rate": rate.rate.value,
                "rate_low": rate.rate.low,
                "rate_high": rate.rate.high,
            }
            for rate in evaluation.rates
        ],
        "outcomes": [
            {
                "outcome_id": row.outcome_id,
                "outcome": row.outcome,
                "measure": row.measure,
                "comparisons": [
                    {
                        "comparison": comparison.value,
                        "n_pairs": change.n_pairs,
                        "mean_before": change.mean_before,
                        "mean_after": change.mean_after,
                        "mean_change": change.mean_change,
                        "ci_low": change.ci_low,
                        "ci_high": change.ci_high,
                        "p_value": change.p_value,
                        "caution": change.caution,
                    }
                    for comparison, change in row.evaluation.changes.items()
                ],
                "manager_agreement": {
                    "n_pairs": row.evaluation.agreement.n_pairs,
                    "within_one": row.evaluation.agreement.within_one.value,
                    "mean_difference": row.evaluation.agreement.mean_difference,
                },
            }
            for row in evaluation.rows
        ],
    }


class CourseListAPI(APIView):
    """The courses of every partnership you belong to, with their learning outcomes and the
    questionnaires answered at each stage."""

    @extend_schema(responses=CourseSerializer(many=True), operation_id="training_courses")
    def get(self, request: Request) -> Response:
        courses: list[Course] = []
        for actor in partnership_actors(request, "evaluation.view"):
            courses += list(
                selectors.evaluated_courses(actor=actor)
                .select_related("partnership")
                .prefetch_related("outcomes")
            )
        counts = selectors.response_counts(courses=courses)
        return Response(
            [
                {
                    "id": course.pk,
                    "partnership": course.partnership.slug,
                    "title": course.title,
                    "level": course.level,
                    "is_active": course.is_active,
                    "outcomes": [{"id": o.pk, "text": o.text} for o in course.outcomes.all()],
                    "responses": dict(counts[course.pk]),
                }
                for course in courses
            ]
        )


class CourseEvaluationAPI(APIView):
    """A course's evaluation: response rates per stage and, per learning outcome, measure and
    comparison (before → end, before → three months), the paired change with its 95% interval
    and Wilcoxon p-value, and the managers' agreement."""

    @extend_schema(
        responses=EvaluationSerializer, operation_id="training_evaluation", parameters=[ID]
    )
    def get(self, request: Request, pk: int) -> Response:
        now = timezone.now()
        course = _course(request, pk, "evaluation.view", digest=True)
        evaluation = selectors.course_evaluation(course=course, now=now)
        return Response(evaluation_json(evaluation))


class CourseResponsesAPI(APIView):
    """Every rating of a learning outcome by (or, at the manager's stage, about) an attendee
    of the course: respondent id, stage, outcome, measure and score. Enough to recompute every
    figure of the evaluation; no names."""

    @extend_schema(
        responses=RatingSerializer(many=True), operation_id="training_responses", parameters=[ID]
    )
    def get(self, request: Request, pk: int) -> Response:
        course = _course(request, pk, "evaluation.responses")
        return Response(
            [
                {
                    "respondent": r.respondent,
                    "stage": r.stage,
                    "outcome_id": r.outcome_id,
                    "measure": r.measure,
                    "score": r.score,
                }
                for r in selectors.course_ratings(course=course)
            ]
        )
