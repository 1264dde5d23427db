"""Information requests of a rapid review to the agencies."""

from django.urls import path

from assurance.reviews.information_requests import views

R = "reviews/information/<int:pk>/"

urlpatterns = [
    path(
        "reviews/<int:pk>/information/new/",
        views.InformationSendView.as_view(),
        name="information_send",
    ),
    path(R, views.InformationDetailView.as_view(), name="information_request"),
    path(R + "answer/", views.InformationAnswerView.as_view(), name="information_answer"),
    path(R + "history/", views.InformationHistoryView.as_view(), name="information_history"),
]
