from django.urls import path

from assurance.audits.views import (
    assignment,
    findings,
    moderation,
    programme,
    reports,
    returns,
    sample,
    workbooks,
)

app_name = "audits"

P = "audits/"
A = P + "<int:audit_pk>/"

urlpatterns = [
    path(P, programme.ProgrammeView.as_view(), name="programme"),
    path(P + "new/", programme.AuditCreateView.as_view(), name="audit_create"),
    path(A, programme.AuditDetailView.as_view(), name="audit_detail"),
    path(A + "change/", programme.AuditUpdateView.as_view(), name="audit_update"),
    path(A + "history/", programme.AuditHistoryView.as_view(), name="audit_history"),
    path(A + "advance/", programme.AuditAdvanceView.as_view(), name="audit_advance"),
    path(
        A + "missing-returns/", programme.MissingReturnsReasonView.as_view(), name="missing_returns"
    ),
    path(A + "sample/", sample.SampleView.as_view(), name="sample"),
    path(
        A + "agencies/<int:agency_pk>/assign/",
        assignment.AssignReturnsView.as_view(),
        name="assign_returns",
    ),
    path(A + "returns.xlsx", workbooks.ReturnWorkbookView.as_view(), name="return_workbook"),
    path(A + "returns/upload/", workbooks.ReturnUploadView.as_view(), name="return_upload"),
    path(A + "export.xlsx", workbooks.AuditWorkbookView.as_view(), name="audit_workbook"),
    path(A + "sample/add/", sample.CaseAddView.as_view(), name="case_add"),
    path(A + "sample/draw/", sample.DrawView.as_view(), name="draw"),
    path(A + "sample/upload/", sample.CaseUploadView.as_view(), name="case_upload"),
    path(A + "moderation/", moderation.ModerationView.as_view(), name="moderation"),
    path(
        A + "moderation/meeting/",
        moderation.ModerationMeetingView.as_view(),
        name="moderation_meeting",
    ),
    path(A + "findings/", findings.FindingsView.as_view(), name="findings"),
    path(A + "report/", reports.ReportView.as_view(), name="report"),
    path(A + "report.pdf", reports.ReportView.as_view(format="pdf"), name="report_pdf"),
    path(A + "report.docx", reports.ReportView.as_view(format="docx"), name="report_docx"),
    path(
        A + "findings/key-messages/new/",
        findings.KeyMessageAddView.as_view(),
        name="key_message_add",
    ),
    path(
        A + "learning-event/new/",
        findings.LearningEventAddView.as_view(),
        name="learning_event_add",
    ),
    path(
        A + "recommendations/new/",
        findings.RecommendationAddView.as_view(),
        name="recommendation_add",
    ),
    path(P + "my-returns/", returns.MyReturnsView.as_view(), name="my_returns"),
    path(P + "cases/<int:pk>/", sample.CaseDetailView.as_view(), name="case_detail"),
    path(
        P + "cases/<int:pk>/record-number/<int:involvement_pk>/",
        sample.RecordNumberView.as_view(),
        name="record_number",
    ),
    path(P + "returns/<int:pk>/", returns.ReturnDetailView.as_view(), name="return_detail"),
    path(P + "returns/<int:pk>/edit/", returns.ReturnTaskListView.as_view(), name="return_edit"),
    path(
        P + "returns/<int:pk>/edit/<int:number>/",
        returns.ReturnSectionView.as_view(),
        name="return_section",
    ),
    path(
        P + "returns/<int:pk>/edit/check/", returns.ReturnCheckView.as_view(), name="return_check"
    ),
    path(P + "returns/<int:pk>/assign/", returns.ReturnAssignView.as_view(), name="return_assign"),
    path(
        P + "returns/<int:pk>/decision/",
        returns.ReturnDecisionView.as_view(),
        name="return_decision",
    ),
    path(
        P + "returns/<int:pk>/history/", returns.ReturnHistoryView.as_view(), name="return_history"
    ),
]
