"""The completion dashboard's pages, under /p/<partnership>/self-assessment/rounds/<pk>/."""

from django.urls import path

from assurance.selfassessment.dashboard import views

R = "self-assessment/rounds/<int:pk>/completion/"

urlpatterns = [
    path(R, views.CompletionView.as_view(), name="round_completion"),
    path(R + "chase/", views.ChaseView.as_view(), name="round_chase"),
    path(R + "export.xlsx", views.CompletionExportView.as_view(), name="round_completion_export"),
]
