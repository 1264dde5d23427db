"""The app's models, for Django: each is defined in the sub-package of its domain noun
(settings, rounds, returns, surveys, dashboard, challenges); import them from there."""

from assurance.selfassessment.challenges.models import (
    AgreedRating,
    Challenge,
    ChallengeAction,
    ChallengePanel,
)
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.returns.models import (
    CarriedAnswer,
    ReturnEvidence,
    SelfAssessmentReturn,
)
from assurance.selfassessment.rounds.models import Participant, ReminderSent, Round
from assurance.selfassessment.settings.models import Setting, SettingMember
from assurance.selfassessment.surveys.models import StaffResponse, StaffSurvey, SurveyRequests

__all__ = [
    "AgreedRating",
    "CarriedAnswer",
    "Challenge",
    "ChallengeAction",
    "ChallengePanel",
    "Chase",
    "Participant",
    "ReminderSent",
    "ReturnEvidence",
    "Round",
    "SelfAssessmentReturn",
    "Setting",
    "SettingMember",
    "StaffResponse",
    "StaffSurvey",
    "SurveyRequests",
]
