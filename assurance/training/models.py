"""The training app's models, for Django: each is defined in its noun's sub-package."""

from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course, LearningOutcome
from assurance.training.evaluation.models import Invitation, Questionnaire, Response
from assurance.training.sessions.models import Trainer, TrainingSession

__all__ = [
    "Booking",
    "Course",
    "Invitation",
    "LearningOutcome",
    "Questionnaire",
    "Response",
    "Trainer",
    "TrainingSession",
]
