"""Reads of the practitioners' surveys, through the permission layer.

The business unit and the scrutineer see every organisation's survey; an agency's lead their
own agency's; a school's users their own school's. An organisation's results come only through
``survey_results``, which shows nothing until the minimum group size is reached
(``rules.MIN_GROUP``). The open link's page reads its survey by token (``open_survey``): one
token reaches one organisation's survey of one round, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from assurance.frameworks.models import Answer, Item
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.selfassessment.rounds.models import Participant, Round
from assurance.selfassessment.surveys import questions, rules
from assurance.selfassessment.surveys.models import StaffAnswer, StaffResponse, StaffSurvey

AGENCY_FIELD = "participant__agency"
NAMED_FIELD = "participant__setting__members__person"
RELATED = (
    "partnership",
    "participant__agency",
    "participant__setting",
    "participant__round__framework",
)


@dataclass(frozen=True)
class Standard:
    code: str
    section: str
    text: str
    question: str


def standards(*, round: Round) -> list[Standard]:
    """The standards of the round's tool, in order, each with the practitioners' question."""
    items = (
        Item.objects.filter(section__framework=round.framework)
        .select_related("section")
        .order_by("section__order", "order", "pk")
    )
    name = round.framework.name
    return [
        Standard(
            code=item.code,
            section=item.section.title,
            text=item.text,
            question=questions.staff_question(tool_name=name, code=item.code, standard=item.text),
        )
        for item in items
    ]


def is_open(survey: StaffSurvey, today: date | None = None) -> bool:
    return rules.link_open(
        deadline=survey.participant.round.deadline,
        today=today or timezone.localdate(),
        closed_at=survey.closed_at,
    )


def open_survey(*, token: str) -> StaffSurvey | None:
    """The survey an open link names (open or closed), or None: no sign-in, so no actor."""
    if not token or len(token) > 43:
        return None
    return StaffSurvey.unscoped.select_related(*RELATED).filter(token=token).first()


def _visible(actor: Actor) -> QuerySet[StaffSurvey]:
    return scoped(
        actor,
        StaffSurvey.unscoped.select_related(*RELATED),
        "sa_survey.view",
        agency_field=AGENCY_FIELD,
        named_field=NAMED_FIELD,
    )


def survey_list(*, actor: Actor) -> QuerySet[StaffSurvey]:
    """The surveys the actor may see, newest round first, each with its count of responses."""
    return (
        _visible(actor)
        .annotate(n_responses=Count("responses"))
        .order_by(
            "-participant__round__year",
            "participant__round__framework__name",
            "participant__agency__name",
            "participant__setting__name",
        )
    )


def get_survey(*, actor: Actor, pk: Any) -> StaffSurvey:
    """One organisation's survey: 404 outside the actor's scope (another agency, another
    school, another partnership)."""
    return get_for_actor(
        actor,
        StaffSurvey.unscoped.select_related(*RELATED),
        "sa_survey.view",
        pk,
        agency_field=AGENCY_FIELD,
        named_field=NAMED_FIELD,
    )


@dataclass(frozen=True)
class RoundSurveyRow:
    participant: Participant
    survey: StaffSurvey | None
    responses: int

    @property
    def more_needed(self) -> str:
        return rules.more_needed_text(self.responses)


def round_surveys(*, actor: Actor, round: Round) -> list[RoundSurveyRow]:
    """Every participant of the round with its survey (None before the business unit starts
    them) and how many responses it has."""
    actor.require("self_assessment.view")
    participants = (
        Participant.objects_for(actor.partnership)
        .filter(round=round)
        .select_related("agency", "setting")
        .order_by("agency__name", "setting__name", "pk")
    )
    surveys = {
        s.participant_id: s
        for s in StaffSurvey.objects_for(actor.partnership)
        .filter(participant__round=round)
        .select_related("participant__round")
        .annotate(n_responses=Count("responses"))
    }
    return [
        RoundSurveyRow(
            participant=p,
            survey=surveys.get(p.pk),
            responses=getattr(surveys.get(p.pk), "n_responses", 0),
        )
        for p in participants
    ]


def response_count(*, survey: StaffSurvey) -> int:
    return StaffResponse.objects_for(survey.partnership).filter(survey=survey).count()


def self_ratings(*, round: Round, participant_id: int | None = None) -> dict[int, dict[str, str]]:
    """Each participant's self-rating of each standard in its submitted return: {participant
    id: {standard code: the rating's label on the tool's scale, such as "Fully met"}}. A return
    not yet signed off (or unlocked since) rates nothing: a draft is not the organisation's
    word."""
    answers = Answer.objects.filter(
        assessment__self_assessment_return__participant__round=round,
        assessment__self_assessment_return__submitted_at__isnull=False,
        option__isnull=False,
    )
    if participant_id is not None:
        answers = answers.filter(assessment__self_assessment_return__participant_id=participant_id)
    rows = answers.values_list(
        "assessment__self_assessment_return__participant_id", "item__code", "option__label"
    ).order_by()
    ratings: dict[int, dict[str, str]] = {}
    for participant, code, label in rows:
        ratings.setdefault(participant, {})[code] = label
    return ratings


@dataclass(frozen=True)
class StandardResult:
    standard: Standard
    distribution: rules.Distribution
    self_rating: str
    flag: str

    @property
    def cells(self) -> list[tuple[str, int, int | None]]:
        """(answer label, count, percent of all who answered), in the scale's order."""
        return [
            (answer.label, self.distribution.count(answer), self.distribution.percent(answer))
            for answer in StaffAnswer
        ]


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    shown: bool
    more_needed: str
    rows: list[StandardResult]
    comments: list[str]
    has_self_ratings: bool

    @property
    def flags(self) -> int:
        return sum(1 for row in self.rows if row.flag)


def survey_results(*, actor: Actor, survey: StaffSurvey) -> SurveyResults:
    """The organisation's staff answers per standard, with its self-rating and the flags
    where they disagree: nothing at all (no rows, no comments) below the minimum group size."""
    actor.require("sa_survey.view")
    responses = list(
        StaffResponse.objects_for(actor.partnership)
        .filter(survey=survey)
        .values_list("answers", "comment")
    )
    n = len(responses)
    if not rules.results_shown(n):
        return SurveyResults(n, False, rules.more_needed_text(n), [], [], False)
    round = survey.participant.round
    round_standards = standards(round=round)
    dists = rules.distributions(
        (answers for answers, _ in responses), [s.code for s in round_standards]
    )
    ratings = self_ratings(round=round, participant_id=survey.participant_id).get(
        survey.participant_id, {}
    )
    rows = [
        StandardResult(
            standard=s,
            distribution=dists[s.code],
            self_rating=ratings.get(s.code, ""),
            flag=rules.disagreement(ratings.get(s.code, ""), dists[s.code]),
        )
        for s in round_standards
    ]
    comments = sorted(comment for _, comment in responses if comment)
    return SurveyResults(n, True, "", rows, comments, bool(ratings))


@dataclass(frozen=True)
class StaffStandardRow:
    """What an organisation's staff said of one standard, beside its self-rating."""

    code: str
    title: str
    self_rating: str
    distribution: rules.Distribution
    flag: str

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(answer label, how many gave it), in the scale's order."""
        return [(answer.label, self.distribution.count(answer)) for answer in StaffAnswer]


@dataclass(frozen=True)
class OrganisationStaffSurvey:
    """One organisation's staff survey in a round: how many answered and, only once the
    minimum group is reached, each standard's answers beside the self-rating (``standards``
    is empty below it, so nothing can be read off a few answers)."""

    participant: Participant
    responses: int
    shown: bool
    standards: list[StaffStandardRow]

    @property
    def more_needed(self) -> str:
        return rules.more_needed_text(self.responses)

    @property
    def flags(self) -> list[tuple[str, str]]:
        return [(row.code, row.flag) for row in self.standards if row.flag]


def _round_staff(actor: Actor, round: Round) -> list[OrganisationStaffSurvey]:
    """Every organisation of the round with a survey, by name, with its results from the
    minimum group size only (``rules.results_shown``, the rule ``survey_results`` keeps).
    Four queries (one when the round has no survey), whatever the number of organisations:
    never a query per survey."""
    surveys = list(
        StaffSurvey.objects_for(actor.partnership)
        .filter(participant__round=round)
        .select_related("participant__agency", "participant__setting")
    )
    if not surveys:
        return []  # no survey in the round: nothing more to read
    answers: dict[int, list[Any]] = {s.pk: [] for s in surveys}
    for survey_id, given in (
        StaffResponse.objects_for(actor.partnership)
        .filter(survey__participant__round=round)
        .values_list("survey_id", "answers")
    ):
        answers[survey_id].append(given)
    round_standards = standards(round=round)
    codes = [s.code for s in round_standards]
    ratings = self_ratings(round=round)
    results = []
    for survey in surveys:
        given = answers[survey.pk]
        rows: list[StaffStandardRow] = []
        shown = rules.results_shown(len(given))
        if shown:
            dists = rules.distributions(given, codes)
            own = ratings.get(survey.participant_id, {})
            for standard in round_standards:
                rating = own.get(standard.code, "")
                rows.append(
                    StaffStandardRow(
                        code=standard.code,
                        title=standard.text,
                        self_rating=rating,
                        distribution=dists[standard.code],
                        flag=rules.disagreement(rating, dists[standard.code]),
                    )
                )
        results.append(OrganisationStaffSurvey(survey.participant, len(given), shown, rows))
    return sorted(results, key=lambda r: (r.participant.name.lower(), r.participant.pk))


def round_staff_survey(*, actor: Actor, round: Round) -> list[OrganisationStaffSurvey]:
    """The round's staff surveys by organisation, for the round's Excel export and the API
    (``self_assessment.view``: the business unit and the scrutineer, as the dashboard)."""
    actor.require("self_assessment.view")
    return _round_staff(actor, round)


@dataclass(frozen=True)
class OrganisationStaffResult:
    """One organisation's staff survey in a round, for the round's report: how many answered
    and, only once the minimum group is reached, each standard where staff and the
    self-rating disagree ((code, flag), in the tool's order)."""

    participant: Participant
    responses: int
    shown: bool
    flags: list[tuple[str, str]]

    @property
    def more_needed(self) -> str:
        return rules.more_needed_text(self.responses)


def round_staff_results(*, actor: Actor, round: Round) -> list[OrganisationStaffResult]:
    """Every organisation of the round with a survey, by name: its responses and, from the
    minimum group size only, its disagreement flags beside its submitted return's
    self-ratings. Four queries. For the round's report (permission ``sa_report.view``: the
    whole partnership's organisations)."""
    actor.require("sa_report.view")
    return [
        OrganisationStaffResult(r.participant, r.responses, r.shown, r.flags)
        for r in _round_staff(actor, round)
    ]
