"""Meetings of the partnership's groups (agenda, attendance, papers) and the decisions taken at
them."""

from django.urls import path

from assurance.improvement.meetings import views

M = "meetings/<int:pk>/"
D = "decisions/"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path(M, views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(M + "change/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path(M + "agenda/", views.AgendaView.as_view(), name="meeting_agenda"),
    path(M + "attendance/", views.AttendanceView.as_view(), name="meeting_attendance"),
    path(M + "papers/new/", views.PaperAddView.as_view(), name="paper_add"),
    path(M + "decisions/new/", views.DecisionCreateView.as_view(), name="decision_create"),
    path(M + "history/", views.MeetingHistoryView.as_view(), name="meeting_history"),
    path(D, views.DecisionLogView.as_view(), name="decision_log"),
    path(D + "<int:pk>/", views.DecisionDetailView.as_view(), name="decision_detail"),
    path(D + "<int:pk>/history/", views.DecisionHistoryView.as_view(), name="decision_history"),
]
