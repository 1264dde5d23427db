"""Participation events and what was heard at them."""

from django.urls import path

from assurance.voice.events import views

E = "voice/events/"

urlpatterns = [
    path(E, views.EventListView.as_view(), name="event_list"),
    path(E + "new/", views.EventCreateView.as_view(), name="event_create"),
    path(E + "<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path(E + "<int:pk>/change/", views.EventUpdateView.as_view(), name="event_update"),
    path(E + "<int:pk>/history/", views.EventHistoryView.as_view(), name="event_history"),
    path(E + "<int:pk>/heard/new/", views.EventHeardAddView.as_view(), name="event_heard_add"),
]
