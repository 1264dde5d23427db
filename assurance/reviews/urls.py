"""The pages of serious incidents and reviews, under /p/<partnership>/ (mounted once, in
assurance/urls.py)."""

from assurance.reviews.board import urls as board
from assurance.reviews.clock import urls as clock
from assurance.reviews.information_requests import urls as information_requests
from assurance.reviews.notifications import urls as notifications
from assurance.reviews.practice_reviews import urls as practice_reviews
from assurance.reviews.rapid_reviews import urls as rapid_reviews

app_name = "reviews"

urlpatterns = [
    *board.urlpatterns,
    *notifications.urlpatterns,
    *rapid_reviews.urlpatterns,
    *information_requests.urlpatterns,
    *practice_reviews.urlpatterns,
    *clock.urlpatterns,
]
