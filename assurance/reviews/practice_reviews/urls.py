"""The local child safeguarding practice review of a serious incident."""

from django.urls import path

from assurance.reviews.practice_reviews import views

P = "reviews/<int:pk>/practice-review/"

urlpatterns = [
    path(P, views.PracticeReviewRecordView.as_view(), name="practice_review_record"),
    path(P + "findings/new/", views.FindingCreateView.as_view(), name="practice_review_finding"),
]
