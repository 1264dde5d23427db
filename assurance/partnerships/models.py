"""The app's models, for Django: each is defined in the sub-package of its domain noun (the
tenant: the partnership and its agencies, groups, priorities and people; the access log). Both
import models from ``tenant.models``, never from here, so that neither depends on the other's
import order."""

from assurance.partnerships.access_log.models import AccessLogEntry
from assurance.partnerships.tenant.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    HomeVisit,
    KeptIdentifier,
    MeetingFrequency,
    Partnership,
    PartnershipScoped,
    Person,
    Priority,
    QuorumRule,
    Sector,
    StatutoryRole,
    VotingRule,
)

__all__ = [
    "AccessLogEntry",
    "Agency",
    "AgencyKind",
    "Group",
    "GroupMember",
    "HomeVisit",
    "KeptIdentifier",
    "MeetingFrequency",
    "Partnership",
    "PartnershipScoped",
    "Person",
    "Priority",
    "QuorumRule",
    "Sector",
    "StatutoryRole",
    "VotingRule",
]
