"""The JSON API under /api/v1/, described by the OpenAPI schema at /api/v1/openapi.json."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from assurance.annualreport.reports import api as annual_reports_api
from assurance.audits import api as audits_api
from assurance.dataset.benchmarks import api as comparisons_api
from assurance.dataset.catalogue import api as catalogue_api
from assurance.dataset.collection import api as collection_api
from assurance.dataset.performance import api as dataset_api
from assurance.improvement.actions import api as action_api
from assurance.improvement.thread import api as thread_api
from assurance.partnerships import api as partnerships_api
from assurance.reviews.board import api as reviews_api
from assurance.selfassessment.dashboard import api as self_assessment_api
from assurance.selfassessment.standards import api as self_assessment_standards_api
from assurance.selfassessment.surveys import api as self_assessment_staff_api
from assurance.training.evaluation import api as training_api
from assurance.voice.summary import api as voice_api

app_name = "api"

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("partnerships/", partnerships_api.PartnershipListAPI.as_view(), name="partnership_list"),
    path(
        "partnerships/<slug:partnership_slug>/agencies/",
        partnerships_api.AgencyListAPI.as_view(),
        name="agency_list",
    ),
    path("audits/", audits_api.AuditListAPI.as_view(), name="audits_list"),
    path("audits/<int:pk>/findings", audits_api.AuditFindingsAPI.as_view(), name="audits_findings"),
    path("actions/", action_api.ActionListAPI.as_view(), name="actions_list"),
    path("actions/<int:pk>/thread", thread_api.ActionThreadAPI.as_view(), name="actions_thread"),
    path(
        "voice/feedback/summary",
        voice_api.FeedbackSummaryAPI.as_view(),
        name="voice_feedback_summary",
    ),
    path(
        "annual-reports/",
        annual_reports_api.AnnualReportListAPI.as_view(),
        name="annual_reports_list",
    ),
    path("reviews/", reviews_api.ReviewListAPI.as_view(), name="reviews_list"),
    path("reviews/<int:pk>", reviews_api.ReviewDetailAPI.as_view(), name="reviews_detail"),
    path("indicators/", catalogue_api.IndicatorListAPI.as_view(), name="indicator_list"),
    path(
        "indicators/<str:code>/series",
        dataset_api.IndicatorSeriesAPI.as_view(),
        name="indicator_series",
    ),
    path("indicators/<str:code>/spc", dataset_api.IndicatorSpcAPI.as_view(), name="indicator_spc"),
    path(
        "collection/rounds/<int:pk>/values",
        collection_api.RoundValuesAPI.as_view(),
        name="collection_round_values",
    ),
    path(
        "partnerships/<slug:partnership_slug>/indicators/<str:code>/series",
        collection_api.PartnershipSeriesAPI.as_view(),
        name="partnership_indicator_series",
    ),
    path(
        "indicators/<str:code>/benchmarks",
        comparisons_api.IndicatorBenchmarksAPI.as_view(),
        name="indicator_benchmarks",
    ),
    path(
        "self-assessments/rounds/",
        self_assessment_api.RoundListAPI.as_view(),
        name="self_assessment_rounds",
    ),
    path(
        "self-assessments/rounds/<int:pk>/completion",
        self_assessment_api.RoundCompletionAPI.as_view(),
        name="self_assessment_round_completion",
    ),
    path(
        "self-assessments/rounds/<int:pk>/standards",
        self_assessment_standards_api.RoundStandardsAPI.as_view(),
        name="self_assessment_round_standards",
    ),
    path(
        "self-assessments/rounds/<int:pk>/staff-survey",
        self_assessment_staff_api.RoundStaffSurveyAPI.as_view(),
        name="self_assessment_round_staff_survey",
    ),
    path("training/courses/", training_api.CourseListAPI.as_view(), name="training_courses"),
    path(
        "training/courses/<int:pk>/evaluation",
        training_api.CourseEvaluationAPI.as_view(),
        name="training_evaluation",
    ),
    path(
        "training/courses/<int:pk>/responses",
        training_api.CourseResponsesAPI.as_view(),
        name="training_responses",
    ),
]
