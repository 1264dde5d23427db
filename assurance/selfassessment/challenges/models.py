"""The challenge of a submitted return: a panel (the business unit, and the members of the group
that oversees the round, such as the education group for schools' Section 175/157 returns)
reviews what the organisation said of itself, records an **agreed rating** for each standard
where it differs from the self-rating (with the panel's reason) and its **outcome**. Actions the
organisation must take go into the action log through the improvement services; each is linked
back here to the return and the standard (``ChallengeAction``)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from assurance.frameworks.models import Item, ScaleOption
from assurance.improvement.actions.models import Action
from assurance.partnerships.models import Group, Partnership, PartnershipScoped, Person
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Round


class ChallengePanel(PartnershipScoped):
    """The group whose members sit on the challenge panel of a round's returns (the business
    unit always may)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="challenge_panel")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.group} challenges {self.round}"


class Outcome(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed: the panel agrees with every self-rating"
    AMENDED = (
        "amended",
        "Confirmed with changes: the panel agreed a different rating for some standards",
    )
    NOT_ASSURED = "not_assured", "Not assured: the return does not show the standards are met"


OUTCOME_SHORT = {
    Outcome.CONFIRMED: "Confirmed",
    Outcome.AMENDED: "Confirmed with changes",
    Outcome.NOT_ASSURED: "Not assured",
}

OUTCOME_COLOURS = {"confirmed": "green", "amended": "yellow", "not_assured": "red"}


class Challenge(PartnershipScoped):
    """The panel's challenge of one submitted return."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    sa_return = models.OneToOneField(
        SelfAssessmentReturn, on_delete=models.PROTECT, related_name="challenge"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    summary = models.TextField(
        "the panel's conclusion", help_text="What the panel found, in a few sentences."
    )
    met_on = models.DateField("date of the panel")
    recorded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    # What the panel judged: the submission (its sign-off time) and each standard's answers as
    # the panel read them. A return unlocked and submitted again is not judged by it.
    submission_at = models.DateTimeField(
        "the submission it judged",
        null=True,
        blank=True,
        help_text="When the return the panel read was signed off and submitted.",
    )
    seen = models.JSONField(
        "the answers the panel read",
        default=dict,
        blank=True,
        help_text="Per standard (item id): [the self-rating's label, the narrative].",
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Challenge of {self.sa_return}"

    @property
    def is_current(self) -> bool:
        """Whether it judged the return as submitted now (False once the return is unlocked,
        and after it is submitted again, until the panel records its challenge again)."""
        return (
            self.submission_at is not None
            and self.sa_return.submitted_at is not None
            and self.sa_return.submitted_at == self.submission_at
        )

    def seen_answer(self, item_id: int) -> tuple[str, str]:
        """The self-rating's label and the narrative of a standard as the panel read them."""
        rating, narrative = self.seen.get(str(item_id), ["", ""])
        return rating, narrative

    @property
    def outcome_short(self) -> str:
        return OUTCOME_SHORT[Outcome(self.outcome)]


class AgreedRating(PartnershipScoped):
    """The rating the panel agreed for a standard where it differs from the self-rating."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="agreed")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(ScaleOption, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("the panel's reason")

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["challenge", "item"], name="sa_agreed_once")]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.option.label}"


class ChallengeAction(PartnershipScoped):
    """An action of the action log raised at a challenge, about one standard of the return."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    action = models.OneToOneField(
        Action, on_delete=models.PROTECT, related_name="self_assessment_challenge"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.action}"
