from django.urls import path

from assurance.partnerships import views

app_name = "partnerships"

P = "p/<slug:partnership_slug>/"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(P, views.PartnershipHomeView.as_view(), name="partnership_home"),
    path(P + "settings/", views.PartnershipSettingsView.as_view(), name="settings"),
    path(
        P + "settings/history/", views.PartnershipHistoryView.as_view(), name="partnership_history"
    ),
    path(P + "agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path(P + "agencies/new/", views.AgencyCreateView.as_view(), name="agency_create"),
    path(P + "agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path(P + "agencies/<int:pk>/change/", views.AgencyUpdateView.as_view(), name="agency_update"),
    path(
        P + "agencies/<int:pk>/history/", views.AgencyHistoryView.as_view(), name="agency_history"
    ),
    path(P + "groups/", views.GroupListView.as_view(), name="group_list"),
    path(P + "groups/new/", views.GroupCreateView.as_view(), name="group_create"),
    path(P + "groups/<int:pk>/", views.GroupDetailView.as_view(), name="group_detail"),
    path(P + "groups/<int:pk>/change/", views.GroupUpdateView.as_view(), name="group_update"),
    path(P + "groups/<int:pk>/history/", views.GroupHistoryView.as_view(), name="group_history"),
    path(
        P + "groups/<int:pk>/members/new/",
        views.GroupSeatCreateView.as_view(),
        name="group_seat_create",
    ),
    path(
        P + "groups/<int:pk>/members/<int:seat_pk>/change/",
        views.GroupSeatUpdateView.as_view(),
        name="group_seat_update",
    ),
    path(P + "priorities/", views.PriorityListView.as_view(), name="priority_list"),
    path(P + "priorities/new/", views.PriorityCreateView.as_view(), name="priority_create"),
    path(
        P + "priorities/<int:pk>/change/",
        views.PriorityUpdateView.as_view(),
        name="priority_update",
    ),
    path(
        P + "priorities/<int:pk>/history/",
        views.PriorityHistoryView.as_view(),
        name="priority_history",
    ),
    path(P + "people/", views.PersonListView.as_view(), name="person_list"),
    path(P + "people/new/", views.PersonCreateView.as_view(), name="person_create"),
    path(P + "people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path(P + "people/<int:pk>/change/", views.PersonUpdateView.as_view(), name="person_update"),
    path(P + "people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person_history"),
]
