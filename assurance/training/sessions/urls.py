from django.urls import path

from assurance.training.sessions import views

T = "training/"

urlpatterns = [
    path(
        T + "courses/<int:pk>/sessions/new/",
        views.SessionCreateView.as_view(),
        name="session_create",
    ),
    path(T + "trainers/", views.TrainerListView.as_view(), name="trainer_list"),
    path(T + "trainers/new/", views.TrainerCreateView.as_view(), name="trainer_create"),
    path(T + "trainers/<int:pk>/change/", views.TrainerEditView.as_view(), name="trainer_edit"),
]
