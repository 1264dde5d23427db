"""The deadline board and a review's page."""

from django.urls import path

from assurance.reviews.board import views

urlpatterns = [
    path("reviews/", views.BoardView.as_view(), name="board"),
    path("reviews/<int:pk>/", views.IncidentDetailView.as_view(), name="incident_detail"),
]
