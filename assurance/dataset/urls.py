"""The data set's pages, under /p/<partnership>/data-set/ (the partnership prefix is mounted once,
in assurance/urls.py)."""

from django.urls import path

from assurance.dataset.catalogue import views as catalogue
from assurance.dataset.collection import urls as collection
from assurance.dataset.localities import urls as localities
from assurance.dataset.performance import views as performance
from assurance.dataset.targets import urls as targets

app_name = "dataset"

P = "data-set/"

urlpatterns = [
    # Quarterly collection first, so that "collection/" is never read as an indicator code.
    *collection.urlpatterns,
    path(P, catalogue.IndicatorListView.as_view(), name="indicator_list"),
    path(
        P + "local/new/",
        catalogue.LocalIndicatorCreateView.as_view(),
        name="local_indicator_create",
    ),
    path(
        P + "local/<str:code>/change/",
        catalogue.LocalIndicatorEditView.as_view(),
        name="local_indicator_edit",
    ),
    path(
        P + "local/<str:code>/history/",
        catalogue.LocalIndicatorHistoryView.as_view(),
        name="local_indicator_history",
    ),
    path(P + "phases/", catalogue.PhaseAdoptionView.as_view(), name="phases"),
    path(P + "assignments/", catalogue.AssignmentListView.as_view(), name="assignment_list"),
    path(
        P + "assignments/confirm/",
        catalogue.AssignmentConfirmAllView.as_view(),
        name="assignment_confirm_all",
    ),
    path(
        P + "assignments/<str:code>/",
        catalogue.AssignmentEditView.as_view(),
        name="assignment_edit",
    ),
    path(
        P + "assignments/<str:code>/history/",
        catalogue.AssignmentHistoryView.as_view(),
        name="assignment_history",
    ),
    *targets.urlpatterns,
    *localities.urlpatterns,
    path(P + "scorecards/", performance.ScorecardListView.as_view(), name="scorecard_list"),
    path(P + "scorecards/<int:pk>/", performance.ScorecardView.as_view(), name="scorecard"),
    path(P + "exceptions/", performance.ExceptionReportView.as_view(), name="exception_report"),
    path(
        P + "exceptions/pdf/",
        performance.ExceptionReportView.as_view(format="pdf"),
        name="exception_report_pdf",
    ),
    path(
        P + "exceptions/docx/",
        performance.ExceptionReportView.as_view(format="docx"),
        name="exception_report_docx",
    ),
    # indicator codes are capitals (catalogue.models.code_validator), so they never meet the
    # words above
    path(P + "<str:code>/", performance.IndicatorDetailView.as_view(), name="indicator_detail"),
    path(
        P + "<str:code>/localities/",
        performance.LocalityBreakdownView.as_view(),
        name="locality_breakdown",
    ),
]
