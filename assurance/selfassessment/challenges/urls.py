"""The challenge of returns, under /p/<partnership>/self-assessment/."""

from django.urls import path

from assurance.selfassessment.challenges import views

C = "self-assessment/returns/<int:pk>/challenge/"

urlpatterns = [
    path("self-assessment/challenges/", views.ChallengeListView.as_view(), name="challenge_list"),
    path(C, views.ChallengeDetailView.as_view(), name="challenge_detail"),
    path(C + "record/", views.ChallengeRecordView.as_view(), name="challenge_record"),
    path(C + "actions/add/", views.ChallengeActionAddView.as_view(), name="challenge_action_add"),
    path(C + "history/", views.ChallengeHistoryView.as_view(), name="challenge_history"),
    path(
        C + "evidence/<int:evidence_pk>/",
        views.ChallengeEvidenceView.as_view(),
        name="challenge_evidence",
    ),
    path(
        "self-assessment/rounds/<int:pk>/challenge-panel/",
        views.PanelView.as_view(),
        name="challenge_panel",
    ),
]
