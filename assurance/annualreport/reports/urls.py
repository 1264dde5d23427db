from django.urls import path

from assurance.annualreport.reports import public, views

R = "annual-reports/"
A = R + "<int:pk>/"

urlpatterns = [
    path(R, views.ReportListView.as_view(), name="list"),
    path(R + "new/", views.ReportStartView.as_view(), name="start"),
    path(A, views.ReportDetailView.as_view(), name="detail"),
    path(A + "sections/<slug:key>/", views.SectionEditView.as_view(), name="section_edit"),
    path(A + "contributions/", views.ContributionView.as_view(), name="contribution"),
    path(A + "approve/", views.ApproveView.as_view(), name="approve"),
    path(A + "publish/", views.PublishView.as_view(), name="publish"),
    path(A + "history/", views.ReportHistoryView.as_view(), name="history"),
]

# Public: no sign-in (mounted at /annual-reports/ in assurance/urls.py).
Y = "<slug:slug>/<int:year>/"
YP = Y + "young-people/"
public_urlpatterns = [
    path(Y, public.PublicReportView.as_view(), name="report"),
    path(Y + "pdf/", public.PublicReportView.as_view(format="pdf"), name="report_pdf"),
    path(Y + "docx/", public.PublicReportView.as_view(format="docx"), name="report_docx"),
    path(YP, public.PublicReportView.as_view(young_people=True), name="young_people"),
    path(
        YP + "pdf/",
        public.PublicReportView.as_view(young_people=True, format="pdf"),
        name="young_people_pdf",
    ),
    path(
        YP + "docx/",
        public.PublicReportView.as_view(young_people=True, format="docx"),
        name="young_people_docx",
    ),
]
