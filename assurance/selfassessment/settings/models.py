"""Settings: the schools and colleges that take part in self-assessment rounds.

A setting is not a partnership agency: it is an establishment on the Department for Education's
register (Get Information About Schools, GIAS), identified by its URN, that the partnership
loads from a GIAS extract (``manage.py import_settings``) and keeps up to date by importing
again (a school that opens, closes or changes its name).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Partnership, PartnershipScoped, Person


class SettingStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSING = "closing", "Open, but proposed to close"
    PROPOSED = "proposed", "Proposed to open"
    CLOSED = "closed", "Closed"


SETTING_STATUS_COLOURS = {
    SettingStatus.OPEN: "green",
    SettingStatus.CLOSING: "orange",
    SettingStatus.PROPOSED: "blue",
    SettingStatus.CLOSED: "grey",
}

# The fields an import writes, in the order of the GIAS row (``gias.GiasRow``)
IMPORTED_FIELDS = (
    "name",
    "la_number",
    "la_name",
    "establishment_type",
    "type_group",
    "phase",
    "status",
    "opened_on",
    "closed_on",
    "postcode",
)


class Setting(PartnershipScoped):
    """A school, college or other establishment on the GIAS register, in one partnership."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_settings"
    )
    urn = models.PositiveIntegerField(
        "URN", help_text="The unique reference number of the establishment in GIAS."
    )
    name = models.CharField(max_length=200)
    la_number = models.CharField("local authority number", max_length=3)
    la_name = models.CharField("local authority", max_length=100, blank=True)
    establishment_type = models.CharField("type of establishment", max_length=100)
    type_group = models.CharField("type group", max_length=100, blank=True)
    phase = models.CharField("phase of education", max_length=100)
    status = models.CharField(max_length=10, choices=SettingStatus.choices)
    opened_on = models.DateField("opened", null=True, blank=True)
    closed_on = models.DateField("closed", null=True, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    imported_at = models.DateTimeField("last imported")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "urn"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "urn"], name="setting_unique_urn"),
        ]
        indexes = [
            models.Index(fields=["partnership", "status"], name="setting_status"),
            # the latest import (``selectors.settings_stamp``), read from the index alone
            models.Index(fields=["partnership", "imported_at"], name="setting_imported"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (URN {self.urn})"

    @property
    def is_open(self) -> bool:
        return self.status != SettingStatus.CLOSED


class SettingRole(models.TextChoices):
    DSL = "dsl", "Designated safeguarding lead"
    DEPUTY = "deputy", "Deputy designated safeguarding lead"
    HEAD = "head", "Headteacher or principal"


class SettingMember(PartnershipScoped):
    """A user of one setting: its designated safeguarding lead, a deputy, or its head (who signs
    its returns off). The person is a *setting user* of the partnership (``Person`` with that
    role and no agency, ADR 027): this membership is what names the setting they act for, and
    so the only setting whose pages they can open."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="selfassessment_setting_members"
    )
    setting = models.ForeignKey(Setting, on_delete=models.PROTECT, related_name="members")
    person = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="setting_membership"
    )
    role = models.CharField(max_length=6, choices=SettingRole.choices)
    invited_at = models.DateTimeField("invited")

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "person__full_name"]
        constraints = [
            # One safeguarding lead and one head a setting; deputies as many as it has
            models.UniqueConstraint(
                fields=["setting", "role"],
                condition=models.Q(role__in=["dsl", "head"]),
                name="setting_member_one_lead_one_head",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name}, {self.get_role_display()} of {self.setting.name}"
