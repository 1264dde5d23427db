"""The summary of feedback: page, PDF and Word."""

from django.urls import path

from assurance.voice.summary import views

S = "voice/summary/"

urlpatterns = [
    path(S, views.SummaryView.as_view(), name="summary"),
    path(S + "pdf/", views.SummaryView.as_view(format="pdf"), name="summary_pdf"),
    path(S + "word/", views.SummaryView.as_view(format="docx"), name="summary_docx"),
    path(S + "agenda/", views.AgendaGroupsView.as_view(), name="summary_agenda"),
]
