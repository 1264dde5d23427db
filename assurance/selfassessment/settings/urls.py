"""The settings' pages, under /p/<partnership>/self-assessment/settings/."""

from django.urls import path

from assurance.selfassessment.settings import views

S = "self-assessment/settings/"

urlpatterns = [
    path(S, views.SettingListView.as_view(), name="setting_list"),
    path(S + "<int:pk>/", views.SettingDetailView.as_view(), name="setting_detail"),
    path(S + "<int:pk>/history/", views.SettingHistoryView.as_view(), name="setting_history"),
]
