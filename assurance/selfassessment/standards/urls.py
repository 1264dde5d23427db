"""A round's standards and heat map, under /p/<partnership>/self-assessment/rounds/<pk>/."""

from django.urls import path

from assurance.selfassessment.standards import views

R = "self-assessment/rounds/<int:pk>/"

urlpatterns = [
    path(R + "standards/", views.RoundStandardsView.as_view(), name="round_standards"),
    path(R + "heat-map/", views.HeatMapView.as_view(), name="round_heat_map"),
]
