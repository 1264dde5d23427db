from django.urls import path

from assurance.dataset import (
    collection_urls,
    exception_views,
    scorecard_views,
    target_views,
    views,
)

app_name = "dataset"

P = "p/<slug:partnership_slug>/data-set/"

urlpatterns = [
    path(P, views.IndicatorListView.as_view(), name="indicator_list"),
    path(P + "targets/", target_views.TargetListView.as_view(), name="target_list"),
    path(
        P + "targets/<str:code>/<int:year>/",
        target_views.TargetEditView.as_view(),
        name="target_edit",
    ),
    path(
        P + "targets/<str:code>/<int:year>/history/",
        target_views.TargetHistoryView.as_view(),
        name="target_history",
    ),
    path(P + "scorecards/", scorecard_views.ScorecardListView.as_view(), name="scorecard_list"),
    path(P + "scorecards/<int:pk>/", scorecard_views.ScorecardView.as_view(), name="scorecard"),
    path(P + "exceptions/", exception_views.ExceptionReportView.as_view(), name="exception_report"),
    path(
        P + "exceptions/pdf/",
        exception_views.ExceptionReportPdfView.as_view(),
        name="exception_report_pdf",
    ),
    path(
        P + "exceptions/docx/",
        exception_views.ExceptionReportDocxView.as_view(),
        name="exception_report_docx",
    ),
    # indicator codes are capitals (models.code_validator), so they never meet the words above
    path(P + "<str:code>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
]

# Quarterly collection (assurance/dataset/collection_urls.py), ahead of the indicator page's
# "<str:code>/" so that "collection/" is never read as an indicator code.
urlpatterns = collection_urls.urlpatterns + urlpatterns
