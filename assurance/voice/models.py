"""The app's models, for Django: each is defined in the sub-package of its domain noun
(feedback); import them from there."""

from assurance.voice.feedback.models import DutyInbox, Feedback, FeedbackLink

__all__ = ["DutyInbox", "Feedback", "FeedbackLink"]
