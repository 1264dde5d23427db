"""Reads of how a round's submitted returns rate each standard, through the permission layer.

Only **submitted** returns count (a draft, or a return unlocked since, is not the organisation's
word, as for the staff survey's self-ratings). Every read is a fixed number of queries whatever
the number of organisations or standards: the answers are read as one aggregate grouped by
standard and rating (never a query per organisation), the heat map's page of organisations
with one more query for their ratings.

Who reads: the round's pages and the API ask ``self_assessment.view`` (the business unit and the
scrutineer); the round's report ``sa_report.view`` (also the executive's and the education
group's members). The reads accept either."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, FilteredRelation, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from assurance.core import compiled
from assurance.core.kept import kept
from assurance.frameworks.models import Answer, Framework, Item, ScaleOption
from assurance.partnerships.access import Actor
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Audience, Participant, Round
from assurance.selfassessment.settings.selectors import settings_stamp_read
from assurance.selfassessment.standards.rules import (
    Rating,
    StandardFigures,
    rating_band,
    standard_figures,
)

READ = ("self_assessment.view", "sa_report.view")
RETURN = "assessment__self_assessment_return"
GROUPINGS = {
    "phase": ("setting__phase", "Phase of education"),
    "type_group": ("setting__type_group", "Type of establishment"),
}


def require_read(actor: Actor) -> None:
    if not any(actor.can(permission) for permission in READ):
        actor.require(READ[0])


@dataclass(frozen=True)
class Standard:
    pk: int
    code: str
    title: str
    section: str
    scale: tuple[Rating, ...]


def tool_standards(*, framework: Framework) -> list[Standard]:
    """The tool's standards rated on a scale, in order, each with its scale: two queries; kept
    in the cache once the version is frozen (it has assessments, and never changes again:
    ``frameworks.services``), so that a round's pages read them once."""

    def read() -> list[Standard]:
        return tools_standards(frameworks=[framework.pk])[framework.pk]

    return kept("tool-standards", framework.pk, read) if framework.is_frozen else read()


def tools_standards(*, frameworks: Sequence[int]) -> dict[int, list[Standard]]:
    """``tool_standards`` of each tool (by its pk), in two queries however many tools."""
    items = list(
        Item.objects.filter(section__framework__in=frameworks, scale__isnull=False)
        .order_by("section__framework_id", "section__order", "order", "pk")
        .values_list("section__framework_id", "pk", "code", "text", "section__title", "scale_id")
    )
    scales: dict[int, list[Rating]] = defaultdict(list)
    for scale_id, label, meets, na in (
        ScaleOption.objects.filter(scale_id__in={i[5] for i in items})
        .order_by("scale_id", "order")
        .values_list("scale_id", "label", "meets_standard", "is_not_applicable")
    ):
        scales[scale_id].append(Rating(label, meets=meets, not_applicable=na))
    found: dict[int, list[Standard]] = {pk: [] for pk in frameworks}
    for framework, pk, code, text, section, scale in items:
        found[framework].append(Standard(pk, code, text, section, tuple(scales[scale])))
    return found


def rating_labels(standards: list[Standard]) -> list[str]:
    """Every rating of the tool's scales, in the order they first appear."""
    labels: dict[str, None] = {}
    for standard in standards:
        labels.update(dict.fromkeys(r.label for r in standard.scale))
    return list(labels)


def submitted_answers() -> QuerySet[Answer]:
    """The rated answers of submitted returns (narrow it to a round or participants)."""
    return Answer.objects.filter(
        **{f"{RETURN}__submitted_at__isnull": False}, option__isnull=False
    ).order_by()


def previous_round(*, actor: Actor, round: Round) -> Round | None:
    """The latest earlier round of the same tool (any of its versions) in the partnership."""
    require_read(actor)
    return (
        Round.objects_for(actor.partnership)
        .filter(framework__family=round.framework.family, year__lt=round.year)
        .select_related("framework")
        .order_by("-year")
        .first()
    )


@dataclass(frozen=True)
class RoundStandards:
    round: Round
    previous: Round | None
    returns: int  # submitted returns
    participants: int
    labels: list[str]  # the ratings, in the scale's order
    standards: list[StandardFigures]


def round_standards(
    *, actor: Actor, round: Round, standards: list[Standard] | None = None
) -> RoundStandards:
    """Per standard of the round's tool: how many submitted returns gave each rating, the
    proportion that meet it with its 95% Wilson interval, and the last round's proportion of
    the standard of the same code. Six queries, whatever the numbers of returns and standards
    (four when given the tool's ``standards``)."""
    tools = None if standards is None else {round.framework_id: standards}
    return rounds_standards(actor=actor, rounds=[round], standards=tools)[round.pk]


def rounds_standards(
    *,
    actor: Actor,
    rounds: Sequence[Round],
    standards: Mapping[int, list[Standard]] | None = None,
) -> dict[int, RoundStandards]:
    """``round_standards`` of each round (by its pk), in six queries however many rounds (four
    when given each tool's ``standards`` by the tool's pk): the annual report gives every
    round of the year standard by standard."""
    require_read(actor)
    if not rounds:
        return {}
    if standards is None:
        standards = tools_standards(frameworks=sorted({r.framework_id for r in rounds}))
    previous = _previous_rounds(actor=actor, rounds=rounds)
    wanted = {r.pk for r in rounds} | {p.pk for p in previous.values() if p is not None}
    now: dict[int, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    met: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    rows = (
        submitted_answers()
        .filter(**{f"{RETURN}__participant__round__in": sorted(wanted)})
        .values_list(
            f"{RETURN}__participant__round_id",
            "item__code",
            "option__label",
            "option__meets_standard",
            "option__is_not_applicable",
        )
        .annotate(n=Count("pk"))
    )
    for round_id, code, label, meets, na, n in rows:
        now[round_id][code][label] = n
        if not na:
            met[round_id][code][0] += n if meets else 0
            met[round_id][code][1] += n
    codes: dict[int, set[str]] = defaultdict(set)
    earlier_tools = {p.framework_id for p in previous.values() if p is not None}
    if earlier_tools:
        for framework, code in Item.objects.filter(
            section__framework__in=sorted(earlier_tools)
        ).values_list("section__framework_id", "code"):
            codes[framework].add(code)
    totals = {
        row["round"]: row
        for row in Participant.objects_for(actor.partnership)
        .filter(round__in=[r.pk for r in rounds])
        .values("round")
        .annotate(
            participants=Count("pk"),
            returns=Count(
                "self_assessment_return",
                filter=Q(self_assessment_return__submitted_at__isnull=False),
            ),
        )
        .order_by()
    }
    found = {}
    for round in rounds:
        last = previous[round.pk]
        before = met[last.pk] if last is not None else {}
        earlier_codes = codes[last.framework_id] if last is not None else set()
        tool = standards[round.framework_id]
        figures = [
            standard_figures(
                code=s.code,
                title=s.title,
                scale=s.scale,
                counts=now[round.pk].get(s.code, {}),
                previous=tuple(before.get(s.code, [0, 0])) if s.code in earlier_codes else None,  # type: ignore[arg-type]
            )
            for s in tool
        ]
        total = totals.get(round.pk, {})
        found[round.pk] = RoundStandards(
            round=round,
            previous=last,
            returns=total.get("returns") or 0,
            participants=total.get("participants") or 0,
            labels=rating_labels(tool),
            standards=figures,
        )
    return found


def _previous_rounds(*, actor: Actor, rounds: Sequence[Round]) -> dict[int, Round | None]:
    """Each round's ``previous_round``, in one query."""
    earlier = list(
        Round.objects_for(actor.partnership)
        .filter(
            framework__family__in=sorted({r.framework.family for r in rounds}),
            year__lt=max(r.year for r in rounds),
        )
        .select_related("framework")
        .order_by("-year", "-pk")
    )
    return {
        r.pk: next(
            (e for e in earlier if e.framework.family == r.framework.family and e.year < r.year),
            None,
        )
        for r in rounds
    }


def groupings(*, round: Round) -> dict[str, str]:
    """How the heat map can group a round's organisations: schools by phase or type; a
    round of agencies (a dozen or two) is not grouped."""
    if round.audience == Audience.AGENCIES:
        return {}
    return {key: label for key, (_, label) in GROUPINGS.items()}


@dataclass(frozen=True)
class GroupRow:
    label: str
    returns: int
    figures: list[StandardFigures]  # one per standard, in order


def submitted_state(*, actor: Actor, round: Round) -> tuple[Any, ...]:
    """What the round's submitted returns are, as a key of what is worked out from them (ADR
    032): how many, their ids and their settings' ids added up, the latest submission, and when
    the partnership's settings were last imported (a setting's phase or type). A return
    submitted, unlocked or submitted again, one moved to another setting or a setting
    re-imported changes it; a submitted return's answers are locked, and its tool's standards
    frozen. Two compiled reads."""
    require_read(actor)
    state = compiled.read(
        f"{__name__}.submitted_state",
        lambda v: (
            SelfAssessmentReturn.unscoped.filter(
                partnership_id=v["partnership"],
                participant__round_id=v["round"],
                submitted_at__isnull=False,
            )
            .order_by()
            .values("participant__round_id")
            .annotate(
                n=Count("pk"),
                ids=Sum("pk"),
                settings=Sum("participant__setting_id"),
                latest=Max("submitted_at"),
            )
            .values_list("n", "ids", "settings", "latest")
        ),
        SelfAssessmentReturn,
        ints={"partnership": actor.partnership.pk, "round": round.pk},
    )
    stamp = settings_stamp_read(partnership_id=actor.partnership.pk).rows()
    return (actor.partnership.pk, round.pk, tuple(state), tuple(stamp))


def heat_map_groups(
    *,
    actor: Actor,
    round: Round,
    standards: list[Standard],
    by: str,
    state: tuple[Any, ...] | None = None,
) -> list[GroupRow]:
    """The submitted returns grouped (by phase or type of establishment), each group's share
    meeting each standard: two queries; given the returns' ``submitted_state``, worked out
    once for it and kept (the groups' figures change only with it)."""
    require_read(actor)
    if state is not None:
        return kept(
            "heat-map-groups",
            (state, by, standards),
            lambda: heat_map_groups(actor=actor, round=round, standards=standards, by=by),
        )
    field, _ = GROUPINGS[by]
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for group, code, label, n in (
        submitted_answers()
        .filter(**{f"{RETURN}__participant__round": round})
        .values_list(f"{RETURN}__participant__{field}", "item__code", "option__label")
        .annotate(n=Count("pk"))
    ):
        counts[group or "Not known"][code][label] = n
    returns = dict(
        Participant.objects_for(actor.partnership)
        .filter(round=round, self_assessment_return__submitted_at__isnull=False)
        .values_list(field)
        .annotate(n=Count("pk"))
        .values_list(field, "n")
        .order_by()
    )
    groups = sorted({g or "Not known" for g in returns})
    return [
        GroupRow(
            label=group,
            returns=sum(n for g, n in returns.items() if (g or "Not known") == group),
            figures=[
                standard_figures(
                    code=s.code, title=s.title, scale=s.scale, counts=counts[group][s.code]
                )
                for s in standards
            ],
        )
        for group in groups
    ]


@dataclass(frozen=True)
class HeatFilters:
    """Which organisations the heat map lists ("" = any)."""

    phase: str = ""
    type_group: str = ""
    name: str = ""


def heat_map_choices(
    *, actor: Actor, round: Round, state: tuple[Any, ...] | None = None
) -> dict[str, list[str]]:
    """The phases and types of establishment among the round's submitted returns; given their
    ``submitted_state``, read once for it and kept."""
    require_read(actor)
    if state is not None:
        return kept("heat-map-choices", state, lambda: heat_map_choices(actor=actor, round=round))
    rows = set(
        Participant.objects_for(actor.partnership)
        .filter(round=round, self_assessment_return__submitted_at__isnull=False)
        .values_list("setting__phase", "setting__type_group")
        .distinct()
        .order_by()
    )
    return {
        "phase": sorted({phase for phase, _ in rows if phase}),
        "type_group": sorted({group for _, group in rows if group}),
    }


def heat_map_participants(*, actor: Actor, round: Round, filters: HeatFilters) -> QuerySet[Any]:
    """The participants with a submitted return that match the filters, by name, as (pk,
    name) (an agency's name read through the partnership's own agencies: the plain join hashed
    every partnership's)."""
    require_read(actor)
    participants = Participant.objects_for(actor.partnership).filter(
        round=round, self_assessment_return__submitted_at__isnull=False
    )
    if filters.phase:
        participants = participants.filter(setting__phase=filters.phase)
    if filters.type_group:
        participants = participants.filter(setting__type_group=filters.type_group)
    if filters.name:
        participants = participants.filter(
            Q(setting__name__icontains=filters.name) | Q(agency__name__icontains=filters.name)
        )
    own = FilteredRelation("agency", condition=Q(agency__partnership_id=actor.partnership.pk))
    return (
        participants.annotate(own_agency=own)
        .order_by("setting__name", "own_agency__name", "pk")
        .values_list("pk", Coalesce("setting__name", "own_agency__name", Value("")))
    )


def participant_ratings(*, participant_ids: list[int]) -> dict[int, dict[str, str]]:
    """{participant pk: {standard code: rating label}} from their submitted returns: one
    query for any number of participants."""
    ratings: dict[int, dict[str, str]] = defaultdict(dict)
    rows = (
        submitted_answers()
        .filter(**{f"{RETURN}__participant__in": participant_ids})
        .values_list(f"{RETURN}__participant_id", "item__code", "option__label")
    )
    for participant, code, label in rows:
        ratings[participant][code] = label
    return ratings


@dataclass(frozen=True)
class OrganisationRatings:
    participant_id: int
    name: str
    counts: dict[str, int]  # rating label → standards
    lowest: list[str]  # codes of the standards rated on the scale's lowest rating


def organisation_ratings(
    *, actor: Actor, round: Round, standards: list[Standard]
) -> list[OrganisationRatings]:
    """Each organisation with a submitted return, by name: how many standards it gave each
    rating, and which it rated lowest (such as "Not met"). One query."""
    require_read(actor)
    scales = {s.code: s.scale for s in standards}
    order = {s.code: i for i, s in enumerate(standards)}
    found: dict[int, OrganisationRatings] = {}
    rows = (
        submitted_answers()
        .filter(**{f"{RETURN}__participant__round": round})
        .values_list(
            f"{RETURN}__participant_id",
            f"{RETURN}__participant__setting__name",
            f"{RETURN}__participant__agency__name",
            "item__code",
            "option__label",
        )
    )
    for pk, setting, agency, code, label in rows:
        row = found.setdefault(pk, OrganisationRatings(pk, setting or agency or "", {}, []))
        row.counts[label] = row.counts.get(label, 0) + 1
        if code in scales and rating_band(scales[code], label) == "low":
            row.lowest.append(code)
    for row in found.values():
        row.lowest.sort(key=lambda code: order.get(code, len(order)))
    return sorted(found.values(), key=lambda r: (r.name.lower(), r.participant_id))
