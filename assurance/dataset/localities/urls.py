"""The partnership's localities, under /p/<partnership>/data-set/localities/."""

from django.urls import path

from assurance.dataset.localities import views

L = "data-set/localities/"

urlpatterns = [
    path(L, views.LocalityListView.as_view(), name="locality_list"),
    path(L + "new/", views.LocalityCreateView.as_view(), name="locality_create"),
    path(L + "<int:pk>/", views.LocalityEditView.as_view(), name="locality_edit"),
    path(L + "<int:pk>/history/", views.LocalityHistoryView.as_view(), name="locality_history"),
]
