"""The app's models, for Django: each is defined in the sub-package of its domain noun
(settings, rounds, surveys; returns and challenge to come); import them from there."""

from assurance.selfassessment.rounds.models import Participant, ReminderSent, Round
from assurance.selfassessment.settings.models import Setting, SettingMember
from assurance.selfassessment.surveys.models import StaffResponse, StaffSurvey, SurveyRequests

__all__ = [
    "Participant",
    "ReminderSent",
    "Round",
    "Setting",
    "SettingMember",
    "StaffResponse",
    "StaffSurvey",
    "SurveyRequests",
]
