"""The themes children spoke about and the “you said, we did” answers."""

from django.urls import path

from assurance.voice.you_said_we_did import views

T = "voice/themes/"
A = "voice/answers/<int:pk>/"

urlpatterns = [
    path(T, views.ThemeListView.as_view(), name="theme_list"),
    path(T + "<int:pk>/", views.ThemeDetailView.as_view(), name="theme_detail"),
    path(T + "<int:pk>/answers/new/", views.AnswerCreateView.as_view(), name="answer_create"),
    path(A + "change/", views.AnswerUpdateView.as_view(), name="answer_update"),
    path(A + "history/", views.AnswerHistoryView.as_view(), name="answer_history"),
]
