"""Feedback's themes and quotes (the business unit's), and the feedback pages that show them."""

from django.urls import path

from assurance.voice.themes import views

urlpatterns = [
    path("voice/", views.FeedbackListView.as_view(), name="feedback_list"),
    path("voice/<int:pk>/", views.FeedbackDetailView.as_view(), name="feedback_detail"),
    path("voice/<int:pk>/themes/", views.FeedbackThemesView.as_view(), name="feedback_themes"),
    path("voice/themes/tag/", views.TagManyView.as_view(), name="theme_tag"),
]
