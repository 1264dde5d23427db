"""The app's models, for Django: each is defined in the sub-package of its domain noun
(feedback, events, themes, you_said_we_did, summary); import them from there."""

from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback.models import (
    DutyInbox,
    Feedback,
    FeedbackLink,
    FeedbackUpload,
    FormRequests,
)
from assurance.voice.summary.models import AgendaGroup
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme
from assurance.voice.you_said_we_did.models import YouSaidWeDid

__all__ = [
    "AgendaGroup",
    "ChosenQuote",
    "DutyInbox",
    "Feedback",
    "FeedbackLink",
    "FeedbackTheme",
    "FeedbackUpload",
    "FormRequests",
    "ParticipationEvent",
    "YouSaidWeDid",
]
