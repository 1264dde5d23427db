"""The app's models, for Django: each is defined in the sub-package of its domain noun
(reports, publications); import them from there."""

from assurance.annualreport.publications.models import Publication
from assurance.annualreport.reports.models import AnnualReport, PartnerContribution

__all__ = ["AnnualReport", "PartnerContribution", "Publication"]
