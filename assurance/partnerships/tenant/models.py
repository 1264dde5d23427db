"""The partnership and its parts: agencies, groups with terms of reference, priorities, people.

Sensitive models have no default ``objects`` manager: use ``Model.objects_for(partnership)``
(scoped) or, in system code such as the demo loader, ``Model.unscoped`` (a deliberate choice).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from assurance.core.roles import Role


class Partnership(models.Model):
    """A local safeguarding children partnership: the tenant boundary of the platform."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Short name used in web addresses."
    )
    local_authority_name = models.CharField(max_length=200, blank=True)
    la_code = models.CharField(
        "local authority ONS code",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^E\d{8}$", "Enter an ONS code such as E08000029.")],
    )
    la_number = models.CharField(
        "local authority DfE number",
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^\d{3}$", "Enter the three-digit DfE number, such as 334.")],
    )
    require_two_factor = models.BooleanField(
        "require two-factor sign-in for business unit and scrutineer roles", default=False
    )
    two_factor_required_since = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When two-factor sign-in was last turned on (empty: since the partnership was "
        "created). A personal API token made before then does not work here.",
    )
    statistical_neighbours = models.CharField(
        max_length=400,
        blank=True,
        validators=[
            RegexValidator(
                r"^\s*(E\d{8}(\s*[,\s]\s*E\d{8})*)?\s*$",
                "Enter ONS codes of local authorities, such as E08000029, separated by spaces "
                "or commas.",
            )
        ],
        help_text="ONS codes of the local authorities the data set compares yours with, "
        "closest first (the DfE 2025 statistical neighbour model gives ten).",
    )
    exception_margin = models.PositiveSmallIntegerField(
        "margin for the exception report (per cent)",
        default=10,
        validators=[MaxValueValidator(100)],
        help_text="An indicator goes in the exception report when its latest value is worse "
        "than England's by more than this percentage of England's value.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    unscoped = models.Manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def neighbour_codes(self) -> list[str]:
        """The statistical neighbours' ONS codes, in the configured order, without repeats."""
        codes = re.findall(r"E\d{8}", self.statistical_neighbours or "")
        return [c for i, c in enumerate(codes) if c not in codes[:i] and c != self.la_code]

    @property
    def two_factor_cutoff(self) -> Any:
        """Credentials made before this cannot stand in for two-factor sign-in here."""
        return self.two_factor_required_since or self.created_at

    @classmethod
    def objects_for_user(cls, user: Any) -> models.QuerySet[Partnership]:
        """The partnerships a signed-in user belongs to."""
        if not getattr(user, "is_authenticated", False):
            return cls.unscoped.none()
        return cls.unscoped.filter(people__user=user, people__is_active=True).distinct()


class PartnershipScoped(models.Model):
    """Base for everything that belongs to one partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")

    unscoped = models.Manager()

    class Meta:
        abstract = True

    @classmethod
    def objects_for(cls, partnership: Partnership) -> models.QuerySet[Any]:
        return cls.unscoped.filter(partnership=partnership)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        """As Django's, but a conditional uniqueness rule (one agency for each statutory role)
        that the record would break is an error on the rule's last field naming the record that
        has the value, not the database's "Constraint … is violated"."""
        skip = set(exclude or ())
        errors: dict[str, Any] = {}
        for constraint in self._meta.constraints:
            if not isinstance(constraint, models.UniqueConstraint) or constraint.condition is None:
                continue
            own = [f for f in constraint.fields if f != "partnership"]
            if not own or set(constraint.fields) & skip:
                continue
            try:
                constraint.validate(type(self), self, exclude=skip)
            except ValidationError:
                errors[own[-1]] = [self._taken(constraint, own[-1])]
        try:
            super().validate_constraints(exclude=skip | set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _taken(self, constraint: models.UniqueConstraint, field: str) -> str:
        """The message of a broken conditional uniqueness rule, naming who has the value."""
        model = type(self)
        holder = (
            model.unscoped.filter(
                constraint.condition,  # type: ignore[arg-type]
                **{name: getattr(self, name) for name in constraint.fields},
            )
            .exclude(pk=self.pk)
            .first()
        )
        display = getattr(self, f"get_{field}_display", None)
        value = display() if display else getattr(self, field)
        noun = model._meta.verbose_name
        label = getattr(model._meta.get_field(field), "verbose_name", field)
        return (
            f"{holder if holder is not None else f'Another {noun}'} already has this {label} "
            f"({value}); only one {noun} in the partnership can have it."
        )


class AgencyKind(models.TextChoices):
    STATUTORY_PARTNER = "statutory", "Statutory safeguarding partner"
    RELEVANT_AGENCY = "relevant", "Relevant agency"
    # The independent scrutineer's organisation: it scrutinises the partnership's work, so it is
    # never offered as an agency that audits cases, owns actions or is challenged.
    SCRUTINY = "scrutiny", "Independent scrutiny"


class StatutoryRole(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    POLICE = "police", "Police"
    HEALTH = "health", "Health (integrated care board)"


class Sector(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    POLICE = "police", "Police"
    HEALTH_COMMISSIONER = "health_commissioner", "Health commissioner"
    EDUCATION = "education", "Education"
    HEALTH_PROVIDER = "health_provider", "Health provider"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    OTHER = "other", "Other"


class Agency(PartnershipScoped):
    """An organisation in the partnership: a statutory partner or a relevant agency."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(max_length=200)
    short_name = models.CharField(
        max_length=40, help_text="Used where space is short, for example in tables."
    )
    kind = models.CharField(max_length=20, choices=AgencyKind.choices)
    statutory_role = models.CharField(
        max_length=20,
        choices=StatutoryRole.choices,
        blank=True,
        help_text="Only for statutory safeguarding partners.",
    )
    sector = models.CharField(max_length=30, choices=Sector.choices)
    is_active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="agency_unique_name"),
            models.UniqueConstraint(
                fields=["partnership", "statutory_role"],
                condition=~models.Q(statutory_role=""),
                name="agency_one_per_statutory_role",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_statutory_partner(self) -> bool:
        return self.kind == AgencyKind.STATUTORY_PARTNER


class Person(PartnershipScoped):
    """Someone who works in the partnership: belongs to one agency and holds roles.

    A *setting user* (a school's or college's designated safeguarding lead, deputy or head) is
    the one exception: no agency and no other role; the setting they act for is named by the
    self-assessment app's membership (ADR 027)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="people")
    # Required of everyone but a setting user (the form requires it; so does a constraint)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="people", null=True, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    email = models.EmailField("e-mail address")
    is_business_unit = models.BooleanField("business unit", default=False)
    is_agency_lead = models.BooleanField("agency lead", default=False)
    is_auditor = models.BooleanField("auditor", default=False)
    is_group_member = models.BooleanField("group member", default=False)
    is_scrutineer = models.BooleanField("scrutineer", default=False)
    is_viewer = models.BooleanField("viewer", default=False)
    is_setting_user = models.BooleanField("school or college user", default=False)
    is_active = models.BooleanField(default=True)

    history = HistoricalRecords()

    ROLE_FIELDS: ClassVar[dict[Role, str]] = {
        Role.BUSINESS_UNIT: "is_business_unit",
        Role.AGENCY_LEAD: "is_agency_lead",
        Role.AUDITOR: "is_auditor",
        Role.GROUP_MEMBER: "is_group_member",
        Role.SCRUTINEER: "is_scrutineer",
        Role.VIEWER: "is_viewer",
        Role.SETTING_USER: "is_setting_user",
    }

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "email"], name="person_unique_email"),
            models.UniqueConstraint(
                fields=["partnership", "user"],
                condition=models.Q(user__isnull=False),
                name="person_one_per_user",
            ),
            # Everyone of the partnership's staff belongs to an agency; a setting user belongs
            # to no agency and holds no other role, so no agency-scoped permission reaches them
            models.CheckConstraint(
                condition=(
                    models.Q(is_setting_user=False, agency__isnull=False)
                    | models.Q(
                        is_setting_user=True,
                        agency__isnull=True,
                        is_business_unit=False,
                        is_agency_lead=False,
                        is_auditor=False,
                        is_group_member=False,
                        is_scrutineer=False,
                        is_viewer=False,
                    )
                ),
                name="person_agency_or_setting_user",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @classmethod
    def objects_for(cls, partnership: Partnership) -> models.QuerySet[Any]:
        """The partnership's own people, who belong to its agencies: every list, choice and
        count of people reads these. A school's users (ADR 027) are not among them: they are
        listed on their school's page, and only ``unscoped`` reads (signing in) find them."""
        return cls.unscoped.filter(partnership=partnership, is_setting_user=False)

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, field in self.ROLE_FIELDS.items() if getattr(self, field))

    @property
    def role_labels(self) -> list[str]:
        return [role.label for role in Role if role in self.roles]


class MeetingFrequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    BI_MONTHLY = "bi_monthly", "Every two months"
    BI_MONTHLY_TERM = "bi_monthly_term", "Every two months in term time"
    QUARTERLY = "quarterly", "Quarterly"
    THREE_PER_YEAR = "three_per_year", "Three times a year"
    TWICE_YEARLY = "twice_yearly", "Twice a year"
    AS_NEEDED = "as_needed", "As needed"


class QuorumRule(models.TextChoices):
    ALL_STATUTORY_PARTNERS = (
        "all_statutory_partners",
        "Representation from all three safeguarding partners",
    )
    MIN_MEMBER_AGENCIES = "min_member_agencies", "Representation from a number of member agencies"
    MIN_MEMBERS = "min_members", "A number of members present"
    NONE = "none", "No quorum rule"


class VotingRule(models.TextChoices):
    ONE_PER_STATUTORY_PARTNER = (
        "one_per_statutory_partner",
        "Each statutory partner has one vote",
    )
    ONE_PER_MEMBER_AGENCY = "one_per_member_agency", "Each member agency has one vote"
    ONE_PER_MEMBER = "one_per_member", "Each member present has one vote"
    CONSENSUS = "consensus", "Decisions by consensus, no vote"


class Group(PartnershipScoped):
    """A group of the partnership (ARG, executive, RDG, ELRAG…) with its terms of reference."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=20, help_text="For example ARG, LSCP, RDG.")
    purpose = models.TextField(help_text="The role and function of the group.")
    chair = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="chaired_groups"
    )
    accountable_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reporting_groups"
    )
    meeting_frequency = models.CharField(max_length=20, choices=MeetingFrequency.choices)
    quorum_rule = models.CharField(max_length=30, choices=QuorumRule.choices)
    quorum_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="For rules that need a number, for example 3 member agencies.",
    )
    voting_rule = models.CharField(max_length=30, choices=VotingRule.choices)
    is_decision_making = models.BooleanField(
        default=False, help_text="The group that decides on recommendations (the executive)."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "short_name"], name="group_unique_short")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def quorum_description(self) -> str:
        if self.quorum_rule == QuorumRule.MIN_MEMBER_AGENCIES:
            return f"Representation from {self.quorum_number} member agencies"
        if self.quorum_rule == QuorumRule.MIN_MEMBERS:
            return f"At least {self.quorum_number} members present"
        return str(QuorumRule(self.quorum_rule).label)


class GroupMember(PartnershipScoped):
    """A seat on a group: which agency, in what position, and who holds it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="group_seats")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="group_seats"
    )
    position = models.CharField(
        max_length=150, blank=True, help_text="For example Director of Children's Services."
    )
    is_deputy_chair = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "position"]

    def __str__(self) -> str:
        return f"{self.agency} – {self.position or 'member'}"


class Priority(PartnershipScoped):
    """A strategic priority of the partnership for one business year (April to March)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="priorities"
    )
    business_year = models.PositiveSmallIntegerField(
        help_text="The year in which the business year starts: 2026 means April 2026 to March 2027."
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-business_year", "order", "title"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "business_year", "title"], name="priority_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title


class KeptIdentifier(PartnershipScoped):
    """Free text saved although it looked like a child's identifier, because the person who
    saved it said why it must stay (``core.forms.IdentifierCheckMixin``): on which page and in
    which field, what it looked like, why, who and when. (An audit return keeps its own,
    ``audits.IdentifierFlag``.)"""

    page = models.CharField(max_length=300, help_text="The address of the form.")
    record = models.CharField(
        max_length=200, blank=True, help_text="What was saved, for example learning item 12."
    )
    field = models.CharField(max_length=100)
    kinds = models.CharField(max_length=200, help_text="What it looked like: date_of_birth, …")
    reason = models.TextField()
    kept_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kept_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-kept_at"]

    def __str__(self) -> str:
        return f"{self.kinds} kept in {self.field} ({self.page})"


class HomeVisit(PartnershipScoped):
    """When a person last looked at their home page, so that it can list what changed since
    their last visit (``partnerships.visits``: the rule). One row a person, kept in the database
    rather than the session so that it holds on every device. A bookkeeping record, written on
    every home-page view, not a domain record: no history."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="home_visit")
    started_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    since = models.DateTimeField(
        null=True, blank=True, help_text="The end of the visit before this one."
    )

    def __str__(self) -> str:
        return f"{self.person} last seen {self.last_seen_at:%Y-%m-%d %H:%M}"
