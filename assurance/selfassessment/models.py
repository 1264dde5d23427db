"""The app's models, for Django: each is defined in the sub-package of its domain noun
(settings, rounds, dashboard; returns and challenge to come); import them from there."""

from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.models import Participant, ReminderSent, Round
from assurance.selfassessment.settings.models import Setting, SettingMember

__all__ = ["Chase", "Participant", "ReminderSent", "Round", "Setting", "SettingMember"]
