"""Multi-agency case file audits: the programme, an audit's life, its case sample, the agencies'
returns, moderation, findings and the learning that follows.

Children are never named: a case is known by a system-generated pseudonymised reference. The only
link to an agency's own record is its record number, encrypted at rest (``crypto.py``).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.frameworks.models import Assessment, Framework, ScaleOption, Section
from assurance.partnerships.models import Agency, Partnership, PartnershipScoped, Person


class Theme(models.TextChoices):
    NEGLECT = "neglect", "Neglect"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    EXPLOITATION = "exploitation", "Exploitation"
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    VOICE_OF_CHILD = "voice_of_child", "Voice of the child"
    EARLY_HELP = "early_help", "Early help"
    PRE_BIRTH = "pre_birth", "Pre-birth (unborn child)"
    STRATEGY_MEETINGS = "strategy_meetings", "Strategy meetings"
    CARE_PLANNING = "care_planning", "Partnership engagement in care planning"
    OTHER = "other", "Other"


class AuditKind(models.TextChoices):
    DEEP_DIVE = "deep_dive", "Thematic deep dive"
    DIP_SAMPLE = "dip_sample", "Dip sample"


class AuditStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    SCOPING = "scoping", "Scoping"
    SAMPLING = "sampling", "Sampling"
    AUDITING = "auditing", "Auditing"
    MODERATION = "moderation", "Moderation"
    REPORTING = "reporting", "Reporting"
    CLOSED = "closed", "Closed"


AUDIT_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html): under way is blue
    **dict.fromkeys(AuditStatus, "blue"),
    AuditStatus.PLANNED: "grey",
    AuditStatus.CLOSED: "green",
}


class AuditProgramme(PartnershipScoped):
    """The partnership's audit programme for one business year (April to March)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    business_year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-business_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "business_year"], name="programme_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Audit(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="audits")
    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT, related_name="audits")
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=30, choices=Theme.choices)
    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    planned_month = models.DateField(
        help_text="The first day of the month the audit is planned for."
    )
    scope = models.TextField(blank=True, help_text="What the audit looks at and why.")
    sample_criteria = models.TextField(blank=True, help_text="Which cases are eligible.")
    target_sample_size = models.PositiveSmallIntegerField(default=24)
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
        verbose_name="audit tool",
    )
    lead = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="led_audits"
    )
    agencies = models.ManyToManyField(
        Agency, related_name="audits", verbose_name="participating agencies"
    )
    returns_due = models.DateField(null=True, blank=True)
    moderation_date = models.DateField(null=True, blank=True)
    report_due = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AuditStatus.choices, default=AuditStatus.PLANNED
    )
    missing_returns_reason = models.TextField(
        blank=True, help_text="Why moderation started while a required return was missing."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["planned_month", "title"]

    def __str__(self) -> str:
        return self.title


class AuditCase(PartnershipScoped):
    """A case in an audit's sample. Only the facts that make the sample describable are kept."""

    class AgeBand(models.TextChoices):
        UNBORN = "unborn", "Unborn"
        UNDER_1 = "0", "Under 1"
        AGE_1_4 = "1-4", "1 to 4"
        AGE_5_9 = "5-9", "5 to 9"
        AGE_10_15 = "10-15", "10 to 15"
        AGE_16_17 = "16-17", "16 to 17"
        AGE_18_PLUS = "18+", "18 or over (care leaver)"

    class Gender(models.TextChoices):
        GIRL = "girl", "Girl"
        BOY = "boy", "Boy"
        OTHER = "other", "Other or not known"

    class Source(models.TextChoices):
        ENTERED = "entered", "Entered by the business unit"
        UPLOADED = "uploaded", "Uploaded by the business unit"
        PROPOSED = "proposed", "Proposed by an agency"
        DRAWN = "drawn", "Drawn from a list of candidates"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(
        max_length=20, unique=True, help_text="System-generated pseudonymised reference."
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    gender = models.CharField(max_length=10, choices=Gender.choices)
    ethnicity = models.CharField(
        max_length=80, blank=True, help_text="The census ethnic group, if recorded."
    )
    selection_reason = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.ENTERED)
    proposed_by = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="proposed_cases"
    )
    draw = models.ForeignKey(
        "SampleDraw", on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "reference"]

    def __str__(self) -> str:
        return self.reference


class CaseAgency(PartnershipScoped):
    """An agency involved with a case: where its auditors find the child, and its return."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="involvements")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="case_involvements")
    record_number_encrypted = models.BinaryField(
        null=True,
        blank=True,
        editable=False,
        help_text="The agency's own record number, encrypted with a key from the environment.",
    )

    history = HistoricalRecords(excluded_fields=["record_number_encrypted"])

    class Meta:
        ordering = ["case", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="case_agency_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.agency}"

    @property
    def has_record_number(self) -> bool:
        return bool(self.record_number_encrypted)


class RecordNumberViewing(PartnershipScoped):
    """Every time someone is shown an agency's record number for a case."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    involvement = models.ForeignKey(CaseAgency, on_delete=models.CASCADE, related_name="viewings")
    viewer = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at"]


class SampleDraw(PartnershipScoped):
    """A draw of cases from an uploaded list of candidates, reproducible from its seed."""

    class Method(models.TextChoices):
        SIMPLE_RANDOM = "simple_random", "Simple random sample"
        STRATIFIED = "stratified", "Stratified random sample"
        SYSTEMATIC = "systematic", "Every n-th case from a random start"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="draws")
    method = models.CharField(max_length=20, choices=Method.choices)
    seed = models.BigIntegerField()
    sample_size = models.PositiveSmallIntegerField()
    stratify_by = models.CharField(max_length=20, blank=True)
    candidate_count = models.PositiveIntegerField()
    candidates_sha256 = models.CharField(
        max_length=64, help_text="Fingerprint of the candidate list, to check a re-draw."
    )
    drawn_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-drawn_at"]


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted for sign-off"
    RETURNED = "returned", "Returned with comments"
    SIGNED_OFF = "signed_off", "Signed off"


RETURN_STATUS_COLOURS = {  # GOV.UK tag colours (core/status_tag.html)
    ReturnStatus.NOT_STARTED: "blue",
    ReturnStatus.DRAFT: "blue",
    ReturnStatus.SUBMITTED: "blue",
    ReturnStatus.RETURNED: "red",
    ReturnStatus.SIGNED_OFF: "green",
}


class AgencyReturn(PartnershipScoped):
    """One agency's audit of its own records for one case, against the audit tool."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    involvement = models.OneToOneField(
        CaseAgency, on_delete=models.CASCADE, related_name="agency_return"
    )
    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="audit_returns")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="agency_return"
    )
    auditors = models.ManyToManyField(Person, blank=True, related_name="assigned_returns")
    status = models.CharField(
        max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED
    )
    due_date = models.DateField(null=True, blank=True)
    working_well = models.TextField("what is working well", blank=True)
    worried_about = models.TextField("what we are worried about", blank=True)
    needs_to_happen = models.TextField("what needs to happen", blank=True)
    child_views = models.TextField("the child's views", blank=True)
    family_views = models.TextField("the family's views", blank=True)
    lead_comments = models.TextField("comments from the agency lead", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reminders_sent = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=[auditors])

    class Meta:
        ordering = ["case__reference", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="return_one_per_agency_case")
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name} return for {self.case.reference}"

    @property
    def is_locked(self) -> bool:
        return self.status in {ReturnStatus.SUBMITTED, ReturnStatus.SIGNED_OFF}

    @property
    def is_complete(self) -> bool:
        return self.status in {ReturnStatus.SUBMITTED, ReturnStatus.SIGNED_OFF}


class IdentifierFlag(PartnershipScoped):
    """Free text that looked like a child identifier, and why the user kept it (if they did)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    agency_return = models.ForeignKey(
        AgencyReturn,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="identifier_flags",
    )
    field = models.CharField(max_length=100)
    kind = models.CharField(max_length=40)
    confirmed_reason = models.TextField(blank=True)
    flagged_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    flagged_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-flagged_at"]


class ModerationMeeting(PartnershipScoped):
    """The audit discussion meeting, where the agencies agree grades."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="moderation_meetings")
    held_on = models.DateField()
    attendees = models.ManyToManyField(Person, related_name="moderation_meetings")
    notes = models.TextField(blank=True)

    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Audit discussion meeting, {self.held_on:%d %B %Y}"


class AgreedGrade(PartnershipScoped):
    """The grade the moderation meeting agreed for one case and one KLOE, with its rationale."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="agreed_grades")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(ScaleOption, on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField()
    meeting = models.ForeignKey(
        ModerationMeeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreed_grades",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "section__order"]
        constraints = [
            models.UniqueConstraint(fields=["case", "section"], name="agreed_grade_unique")
        ]


class KeyMessage(PartnershipScoped):
    """A finding in words: a strength, an area for improvement, or 'what do we need to do more
    of?' for an aspect of practice (seed 003's form)."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "What is working well"
        IMPROVE = "improve", "Area for improvement"
        MORE_OF = "more_of", "What do we need to do more of?"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="key_messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    aspect = models.CharField(max_length=120, help_text="For example Voice of the child.")
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="KLOE",
    )
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "kind", "order"]


class LearningEvent(PartnershipScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="learning_events")
    held_on = models.DateField()
    agencies = models.ManyToManyField(Agency, related_name="+", verbose_name="agencies attending")
    attendee_count = models.PositiveSmallIntegerField(default=0)
    what_was_shared = models.TextField()

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["-held_on"]
