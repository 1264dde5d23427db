"""The action log and action plans: progress, evidence, completion and impact."""

from django.urls import path

from assurance.improvement.actions import views

A = "actions/<int:pk>/"

urlpatterns = [
    path("actions/", views.ActionListView.as_view(), name="action_list"),
    path(A, views.ActionDetailView.as_view(), name="action_detail"),
    path(A + "history/", views.ActionHistoryView.as_view(), name="action_history"),
    path("actions/plans/", views.PlanListView.as_view(), name="plan_list"),
    path("actions/plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("actions/plans/<int:pk>/add/", views.ActionAddView.as_view(), name="action_add"),
    path(A + "edit/", views.ActionEditView.as_view(), name="action_edit"),
    path(A + "progress/", views.ProgressAddView.as_view(), name="action_progress"),
    path(A + "evidence/", views.EvidenceAddView.as_view(), name="evidence_add"),
    path(
        A + "evidence/<int:evidence_pk>/",
        views.EvidenceDownloadView.as_view(),
        name="evidence_download",
    ),
    path(A + "complete/", views.ActionCompleteView.as_view(), name="action_complete"),
    path(A + "impact/", views.ImpactJudgementView.as_view(), name="impact_judgement"),
    path(A + "impact/measure/", views.ImpactMeasureView.as_view(), name="impact_measure"),
]
