"""The rounds' pages, under /p/<partnership>/self-assessment/rounds/."""

from django.urls import path

from assurance.selfassessment.rounds import views

R = "self-assessment/rounds/"

urlpatterns = [
    path(R, views.RoundListView.as_view(), name="round_list"),
    path(R + "open/", views.RoundOpenView.as_view(), name="round_open"),
    path(R + "<int:pk>/", views.RoundDetailView.as_view(), name="round_detail"),
    path(R + "<int:pk>/history/", views.RoundHistoryView.as_view(), name="round_history"),
    # A setting's page shows its users and the rounds it takes part in (both nouns)
    path(
        "self-assessment/settings/<int:pk>/",
        views.SettingDetailView.as_view(),
        name="setting_detail",
    ),
]
