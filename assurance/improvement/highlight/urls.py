"""The highlight report of an executive meeting (page, PDF, Word)."""

from django.urls import path

from assurance.improvement.highlight import views

M = "meetings/<int:pk>/"

urlpatterns = [
    path(M + "highlight-report/", views.HighlightReportView.as_view(), name="highlight_report"),
    path(
        M + "highlight-report.pdf",
        views.HighlightReportView.as_view(format="pdf"),
        name="highlight_pdf",
    ),
    path(
        M + "highlight-report.docx",
        views.HighlightReportView.as_view(format="docx"),
        name="highlight_docx",
    ),
]
