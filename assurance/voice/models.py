"""The app's models, for Django: each is defined in the sub-package of its domain noun
(feedback, events); import them from there."""

from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback.models import DutyInbox, Feedback, FeedbackLink, FeedbackUpload

__all__ = ["DutyInbox", "Feedback", "FeedbackLink", "FeedbackUpload", "ParticipationEvent"]
