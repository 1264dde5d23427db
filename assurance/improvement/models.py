"""The app's models, for Django: each is defined in the sub-package of its domain noun
(learning, actions, meetings, scrutiny); import them from there."""

from assurance.improvement.actions.models import (
    Action,
    ActionEvidence,
    ActionUpdate,
    ImpactAssessment,
    ReminderSent,
)
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionVote,
    Meeting,
    MeetingPaper,
)
from assurance.improvement.scrutiny.models import (
    Challenge,
)

__all__ = [
    "Action",
    "ActionEvidence",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "Challenge",
    "Decision",
    "DecisionVote",
    "ImpactAssessment",
    "LearningDocument",
    "LearningItem",
    "LearningTheme",
    "Meeting",
    "MeetingPaper",
    "Recommendation",
    "ReminderSent",
]
