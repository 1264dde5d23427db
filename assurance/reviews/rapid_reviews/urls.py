"""The rapid review of a serious incident."""

from django.urls import path

from assurance.reviews.rapid_reviews import views

R = "reviews/<int:pk>/rapid-review/"

urlpatterns = [
    path(R, views.RapidReviewRecordView.as_view(), name="rapid_review_record"),
    path(R + "meeting/", views.RapidReviewMeetingView.as_view(), name="rapid_review_meeting"),
    path(R + "scrutiny/", views.ScrutineerReviewView.as_view(), name="rapid_review_scrutinise"),
]
