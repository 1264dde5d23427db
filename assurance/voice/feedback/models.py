"""What children, young people, parents and carers tell the partnership: the open links of the
child-friendly form, each piece of feedback, and the duty inbox's settings (where a message
that reads like a disclosure is sent, and the words that mark one).

A piece of feedback never holds a name: the form asks for an age band and the service used.
Feedback flagged as a possible disclosure is read only in the duty inbox and never counted,
quoted or summarised anywhere else (``selectors.reportable``)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class AgeBand(models.TextChoices):
    UNDER_8 = "under_8", "Under 8"
    AGE_8_12 = "8_12", "8 to 12"
    AGE_13_15 = "13_15", "13 to 15"
    AGE_16_18 = "16_18", "16 to 18"
    AGE_19_25 = "19_25", "19 to 25"
    PARENT_CARER = "parent_carer", "I am a parent or carer"
    NOT_SAID = "not_said", "I would rather not say"


class ServiceUsed(models.TextChoices):
    SOCIAL_CARE = "social_care", "A social worker"
    EARLY_HELP = "early_help", "Early help or family support"
    POLICE = "police", "The police"
    HEALTH = "health", "A doctor or nurse"
    MENTAL_HEALTH = "mental_health", "Help with feelings or mental health"
    SCHOOL = "school", "School or college"
    YOUTH = "youth", "A youth worker or youth club"
    OTHER = "other", "Something else"


class Feeling(models.IntegerChoices):
    """The pictures-plus-words scale: each face always has its words beside it."""

    REALLY_GOOD = 5, "Really good"
    GOOD = 4, "Good"
    OK = 3, "OK"
    NOT_GOOD = 2, "Not good"
    REALLY_BAD = 1, "Really bad"


class FeedbackSource(models.TextChoices):
    FORM = "form", "Online form"
    EVENT = "event", "Participation event"
    AGENCY = "agency", "Gathered by an agency"


class FeedbackLink(PartnershipScoped):
    """An open link (and its QR code) to the child-friendly form. Anyone with the link can
    answer; closing it stops new answers and keeps what was sent."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="feedback_links"
    )
    title = models.CharField(
        "What the link is for",
        max_length=120,
        help_text="For example, Children in care: your social worker. Children see it as the "
        "form's heading.",
    )
    service = models.CharField(
        "Service",
        max_length=20,
        choices=ServiceUsed.choices,
        blank=True,
        help_text="The service the link is given out by. Leave it empty to ask the child.",
    )
    token = models.CharField(max_length=40, unique=True, editable=False)
    is_open = models.BooleanField("Open for answers", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Feedback(PartnershipScoped):
    """One piece of feedback, from the form, a participation event or an agency."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="feedback")
    source = models.CharField(max_length=10, choices=FeedbackSource.choices)
    link = models.ForeignKey(
        FeedbackLink, on_delete=models.PROTECT, null=True, blank=True, related_name="feedback"
    )
    # What was heard at a participation event (voice.events) is feedback from that event.
    event = models.ForeignKey(
        "voice.ParticipationEvent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback",
    )
    # Feedback an agency gathered and uploaded in a spreadsheet.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    upload = models.ForeignKey(
        "voice.FeedbackUpload",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback",
    )
    received_on = models.DateField()
    age_band = models.CharField("Age", max_length=20, choices=AgeBand.choices)
    service = models.CharField("Service used", max_length=20, choices=ServiceUsed.choices)
    feeling = models.PositiveSmallIntegerField(
        "How it felt", choices=Feeling.choices, null=True, blank=True
    )
    good = models.TextField("What was good", blank=True)
    better = models.TextField("What could be better", blank=True)
    # Safety: a message that reads like a disclosure goes to the duty inbox, and only there.
    flagged = models.BooleanField("Possible disclosure", default=False)
    flag_reasons = models.CharField("Why it was flagged", max_length=500, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handling_note = models.TextField("What was done", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(
                fields=["partnership", "flagged", "received_on"], name="feedback_part_flag_day"
            )
        ]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback F{self.pk}"

    @property
    def reference(self) -> str:
        return f"F{self.pk}"

    @property
    def handled(self) -> bool:
        return self.handled_at is not None


class FeedbackUpload(PartnershipScoped):
    """A spreadsheet of feedback an agency gathered, loaded whole or not at all."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="feedback_uploads"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=200)
    rows = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.file_name}"


class DutyInbox(PartnershipScoped):
    """Where a possible disclosure goes, and the words that mark one, chosen by the
    partnership."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.PROTECT, related_name="duty_inbox"
    )
    duty_email = models.EmailField(
        "Duty e-mail address",
        blank=True,
        help_text="The business unit's duty inbox. Left empty, every person of the business "
        "unit is e-mailed.",
    )
    disclosure_words = models.TextField(
        "Words that may mean a child is not safe",
        help_text="One word or phrase a line. A message containing any of them is flagged.",
    )
    local_help = models.CharField(
        "Local help line",
        max_length=300,
        blank=True,
        help_text="Shown on every form under the national numbers, for example: To tell "
        "Northfield children's services you are worried about a child, call 0300 555 0100.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "duty inboxes"

    def __str__(self) -> str:
        return "Duty inbox"


class FormRequests(PartnershipScoped):
    """How many forms were taken through a link from one network in one clock hour: the rate
    limit's counter (``limits.py``). Not a domain record, so no history: rows of earlier hours
    are deleted as new ones are counted, and the network is a keyed digest, never its address,
    so nothing here outlives the hour or ties a message to where it came from."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    link = models.ForeignKey(FeedbackLink, on_delete=models.CASCADE, related_name="+")
    client_digest = models.CharField(max_length=64)  # HMAC-SHA256, hex
    hour = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "client_digest", "hour"], name="form_requests_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} forms in the hour from {self.hour:%H:00}"
