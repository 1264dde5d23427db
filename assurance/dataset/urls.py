from django.urls import path

from assurance.dataset import views

app_name = "dataset"

P = "p/<slug:partnership_slug>/data-set/"

urlpatterns = [
    path(P, views.IndicatorListView.as_view(), name="indicator_list"),
    path(P + "<str:code>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
]
