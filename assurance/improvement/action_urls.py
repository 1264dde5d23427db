"""URLs of action plans (included in improvement/urls.py, namespace ``improvement``)."""

from django.urls import path

from assurance.improvement import action_views as views

P = "p/<slug:partnership_slug>/actions/"
A = P + "<int:pk>/"

urlpatterns = [
    path(P + "plans/", views.PlanListView.as_view(), name="plan_list"),
    path(P + "plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path(P + "plans/<int:pk>/add/", views.ActionAddView.as_view(), name="action_add"),
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
    path(A + "thread/", views.ActionThreadView.as_view(), name="action_thread"),
    path(P + "from-learning/<int:pk>/", views.LearningThreadView.as_view(), name="learning_thread"),
]
