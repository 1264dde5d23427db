"""The partnership's own pages, under /p/<partnership>/ (mounted once, in assurance/urls.py)."""

from django.urls import path

from assurance.partnerships import views
from assurance.partnerships.access_log import views as access_log

app_name = "partnerships"

urlpatterns = [
    path("", views.PartnershipHomeView.as_view(), name="partnership_home"),
    path("settings/", views.PartnershipSettingsView.as_view(), name="settings"),
    path("settings/history/", views.PartnershipHistoryView.as_view(), name="partnership_history"),
    path("agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path("agencies/new/", views.AgencyCreateView.as_view(), name="agency_create"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("agencies/<int:pk>/change/", views.AgencyUpdateView.as_view(), name="agency_update"),
    path("agencies/<int:pk>/history/", views.AgencyHistoryView.as_view(), name="agency_history"),
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/new/", views.GroupCreateView.as_view(), name="group_create"),
    path("groups/<int:pk>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("groups/<int:pk>/change/", views.GroupUpdateView.as_view(), name="group_update"),
    path("groups/<int:pk>/history/", views.GroupHistoryView.as_view(), name="group_history"),
    path(
        "groups/<int:pk>/members/new/",
        views.GroupSeatCreateView.as_view(),
        name="group_seat_create",
    ),
    path(
        "groups/<int:pk>/members/<int:seat_pk>/change/",
        views.GroupSeatUpdateView.as_view(),
        name="group_seat_update",
    ),
    path("priorities/", views.PriorityListView.as_view(), name="priority_list"),
    path("priorities/new/", views.PriorityCreateView.as_view(), name="priority_create"),
    path("priorities/<int:pk>/change/", views.PriorityUpdateView.as_view(), name="priority_update"),
    path(
        "priorities/<int:pk>/history/",
        views.PriorityHistoryView.as_view(),
        name="priority_history",
    ),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person_create"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/change/", views.PersonUpdateView.as_view(), name="person_update"),
    path("people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person_history"),
    path("access-log/", access_log.AccessLogView.as_view(), name="access_log"),
    path(
        "access-log/<str:record_type>/<int:pk>/",
        access_log.RecordAccessLogView.as_view(),
        name="record_access_log",
    ),
]
