"""The independent scrutineer's challenges, the agencies' answers and the outcomes."""

from django.urls import path

from assurance.improvement.scrutiny import views

C = "challenges/"

urlpatterns = [
    path(C, views.ChallengeListView.as_view(), name="challenge_list"),
    path(C + "new/", views.ChallengeCreateView.as_view(), name="challenge_create"),
    path(C + "<int:pk>/", views.ChallengeDetailView.as_view(), name="challenge_detail"),
    path(C + "<int:pk>/answer/", views.ChallengeAnswerView.as_view(), name="challenge_answer"),
    path(C + "<int:pk>/outcome/", views.ChallengeOutcomeView.as_view(), name="challenge_outcome"),
    path(C + "<int:pk>/history/", views.ChallengeHistoryView.as_view(), name="challenge_history"),
]
