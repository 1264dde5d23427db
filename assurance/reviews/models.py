"""The app's models, for Django: each is defined in the sub-package of its domain noun (clock,
notifications, rapid_reviews, information_requests, practice_reviews, board); import them from
there."""

from assurance.reviews.board.models import ReviewReminderSent
from assurance.reviews.clock.models import ClosureDay, ReviewSettings
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.rapid_reviews.models import RapidReview

__all__ = [
    "ClosureDay",
    "InformationRequest",
    "PracticeReview",
    "RapidReview",
    "ReviewReminderSent",
    "ReviewSettings",
    "SeriousIncident",
]
