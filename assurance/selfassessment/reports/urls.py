"""The rounds' reports (/p/<partnership>/self-assessment/reports/) and each round's report,
under /p/<partnership>/self-assessment/rounds/<pk>/report/."""

from django.urls import path

from assurance.selfassessment.reports import views

R = "self-assessment/rounds/<int:pk>/report/"

urlpatterns = [
    path("self-assessment/reports/", views.RoundReportListView.as_view(), name="round_report_list"),
    path(R, views.RoundReportView.as_view(), name="round_report"),
    path(R + "report.pdf", views.RoundReportView.as_view(format="pdf"), name="round_report_pdf"),
    path(R + "report.docx", views.RoundReportView.as_view(format="docx"), name="round_report_docx"),
]
