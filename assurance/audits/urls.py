from django.urls import path

from assurance.audits import views

app_name = "audits"

P = "audits/"
A = P + "<int:audit_pk>/"

urlpatterns = [
    path(P, views.ProgrammeView.as_view(), name="programme"),
    path(P + "new/", views.AuditCreateView.as_view(), name="audit_create"),
    path(A, views.AuditDetailView.as_view(), name="audit_detail"),
    path(A + "change/", views.AuditUpdateView.as_view(), name="audit_update"),
    path(A + "history/", views.AuditHistoryView.as_view(), name="audit_history"),
    path(A + "advance/", views.AuditAdvanceView.as_view(), name="audit_advance"),
    path(A + "missing-returns/", views.MissingReturnsReasonView.as_view(), name="missing_returns"),
    path(A + "sample/", views.SampleView.as_view(), name="sample"),
    path(A + "returns.xlsx", views.ReturnWorkbookView.as_view(), name="return_workbook"),
    path(A + "returns/upload/", views.ReturnUploadView.as_view(), name="return_upload"),
    path(A + "export.xlsx", views.AuditWorkbookView.as_view(), name="audit_workbook"),
    path(A + "sample/add/", views.CaseAddView.as_view(), name="case_add"),
    path(A + "sample/draw/", views.DrawView.as_view(), name="draw"),
    path(A + "sample/upload/", views.CaseUploadView.as_view(), name="case_upload"),
    path(A + "moderation/", views.ModerationView.as_view(), name="moderation"),
    path(
        A + "moderation/meeting/", views.ModerationMeetingView.as_view(), name="moderation_meeting"
    ),
    path(A + "findings/", views.FindingsView.as_view(), name="findings"),
    path(A + "report/", views.ReportView.as_view(), name="report"),
    path(A + "report.pdf", views.ReportPdfView.as_view(), name="report_pdf"),
    path(A + "report.docx", views.ReportDocxView.as_view(), name="report_docx"),
    path(
        A + "findings/key-messages/new/", views.KeyMessageAddView.as_view(), name="key_message_add"
    ),
    path(
        A + "learning-event/new/", views.LearningEventAddView.as_view(), name="learning_event_add"
    ),
    path(
        A + "recommendations/new/", views.RecommendationAddView.as_view(), name="recommendation_add"
    ),
    path(P + "my-returns/", views.MyReturnsView.as_view(), name="my_returns"),
    path(P + "cases/<int:pk>/", views.CaseDetailView.as_view(), name="case_detail"),
    path(
        P + "cases/<int:pk>/record-number/<int:involvement_pk>/",
        views.RecordNumberView.as_view(),
        name="record_number",
    ),
    path(P + "returns/<int:pk>/", views.ReturnDetailView.as_view(), name="return_detail"),
    path(P + "returns/<int:pk>/edit/", views.ReturnEditView.as_view(), name="return_edit"),
    path(P + "returns/<int:pk>/assign/", views.ReturnAssignView.as_view(), name="return_assign"),
    path(
        P + "returns/<int:pk>/decision/", views.ReturnDecisionView.as_view(), name="return_decision"
    ),
    path(P + "returns/<int:pk>/history/", views.ReturnHistoryView.as_view(), name="return_history"),
]
