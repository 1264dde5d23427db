"""Serious incident notifications."""

from django.urls import path

from assurance.reviews.notifications import views

R = "reviews/"

urlpatterns = [
    path(R + "new/", views.IncidentCreateView.as_view(), name="incident_create"),
    path(R + "<int:pk>/change/", views.IncidentUpdateView.as_view(), name="incident_edit"),
    path(R + "<int:pk>/history/", views.IncidentHistoryView.as_view(), name="incident_history"),
]
