"""The app's models, for Django: each is defined in the sub-package of its domain noun
(settings today; rounds, returns and challenge to come); import them from there."""

from assurance.selfassessment.settings.models import Setting

__all__ = ["Setting"]
