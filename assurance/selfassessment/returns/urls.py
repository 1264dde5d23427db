"""A participant's return, under /p/<partnership>/self-assessment/returns/<participant>/."""

from django.urls import path

from assurance.selfassessment.returns import views

R = "self-assessment/returns/<int:pk>/"

urlpatterns = [
    path(R, views.ReturnDetailView.as_view(), name="return_detail"),
    path(R + "sections/<int:number>/", views.ReturnSectionView.as_view(), name="return_section"),
    path(R + "check/", views.ReturnCheckView.as_view(), name="return_check"),
    path(R + "unlock/", views.ReturnUnlockView.as_view(), name="return_unlock"),
    path(R + "print/", views.ReturnDocumentView.as_view(), name="return_print"),
    path(R + "return.pdf", views.ReturnDocumentView.as_view(format="pdf"), name="return_pdf"),
    path(R + "return.docx", views.ReturnDocumentView.as_view(format="docx"), name="return_docx"),
    path(R + "history/", views.ReturnHistoryView.as_view(), name="return_history"),
    path(
        R + "standards/<int:item>/evidence/",
        views.EvidenceAddView.as_view(),
        name="return_evidence_add",
    ),
    path(
        R + "evidence/<int:evidence_pk>/", views.EvidenceFileView.as_view(), name="return_evidence"
    ),
    path(
        R + "evidence/<int:evidence_pk>/remove/",
        views.EvidenceRemoveView.as_view(),
        name="return_evidence_remove",
    ),
]
