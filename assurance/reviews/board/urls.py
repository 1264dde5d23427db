"""The deadline board and a review's page."""

from django.urls import path

from assurance.reviews.board import views

urlpatterns = [
    path("reviews/", views.BoardView.as_view(), name="board"),
    path("reviews/<int:pk>/", views.IncidentDetailView.as_view(), name="incident_detail"),
    path("reviews/annual-summary/", views.AnnualSummaryView.as_view(), name="annual_summary"),
    path(
        "reviews/annual-summary/pdf/",
        views.AnnualSummaryView.as_view(format="pdf"),
        name="annual_summary_pdf",
    ),
    path(
        "reviews/annual-summary/docx/",
        views.AnnualSummaryView.as_view(format="docx"),
        name="annual_summary_docx",
    ),
]
