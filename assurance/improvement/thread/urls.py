"""The golden thread: from an action back to its evidence, and from learning forward."""

from django.urls import path

from assurance.improvement.thread import views

urlpatterns = [
    path("actions/<int:pk>/thread/", views.ActionThreadView.as_view(), name="action_thread"),
    path(
        "actions/from-learning/<int:pk>/",
        views.LearningThreadView.as_view(),
        name="learning_thread",
    ),
]
