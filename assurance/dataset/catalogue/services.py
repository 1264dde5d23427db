"""Writes of the indicator catalogue: loading the national catalogue from the starter file
(``starter.yaml``) or an uploaded table, matched on the code (idempotent); and a partnership's
own local indicators, added and versioned by its business unit; the phases a partnership has
adopted, and the agencies its business unit confirms to report each indicator."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assurance.core.history import delete_as, save_as
from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import (
    DEFINITION_FIELDS,
    LOCAL_FIELDS,
    PHASES,
    DefinitionChange,
    Indicator,
    IndicatorAssignment,
    PhaseAdoption,
    Source,
    Unit,
)
from assurance.dataset.summaries.services import summaries_stale
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, AgencyKind, Partnership

STARTER_CATALOGUE = Path(__file__).parent / "starter.yaml"

CATALOGUE_FIELDS = {
    "title": "title",
    "definition": "definition",
    "numerator": "numerator_definition",
    "denominator": "denominator_definition",
    "unit": "unit",
    "polarity": "polarity",
    "sector": "owning_sector",
    "phase": "phase",
    "frequency": "frequency",
    "source": "source",
    "national_measure": "national_measure",
    "benchmark_source": "benchmark_source",
    "no_benchmark_reason": "no_benchmark_reason",
    "themes": "themes",
    "decimal_places": "decimal_places",
}


class CatalogueError(ValueError):
    pass


def catalogue_load(*, path: Path | str = STARTER_CATALOGUE) -> tuple[int, int]:
    """Create or update indicators from a catalogue file (.yaml, .csv or .xlsx; matched on code).

    Returns (created, updated). A bad entry raises CatalogueError naming it; nothing is stored.
    """
    from assurance.dataset.catalogue.interchange import CatalogueFileError, read_catalogue

    try:
        entries = read_catalogue(path)
    except (CatalogueFileError, OSError, yaml.YAMLError) as exc:
        raise CatalogueError(str(exc)) from exc
    return catalogue_load_entries(entries=entries)


@transaction.atomic
def catalogue_load_entries(*, entries: list[dict[str, Any]]) -> tuple[int, int]:
    created = updated = 0
    for order, entry in enumerate(entries, start=1):
        code = str(entry.get("code", "")).strip()
        fields: dict[str, Any] = {"order": order}
        for key, attr in CATALOGUE_FIELDS.items():
            if key in entry:
                fields[attr] = entry[key] if entry[key] is not None else ""
        indicator = Indicator.objects.filter(code=code, partnership__isnull=True).first()
        indicator = indicator or Indicator(code=code)
        is_new = indicator.pk is None
        for attr, value in fields.items():
            setattr(indicator, attr, value)
        try:
            indicator.full_clean()
        except ValidationError as exc:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise CatalogueError(f"Indicator {order} ({code or 'no code'}): {problems}") from exc
        indicator.save()
        created += is_new
        updated += not is_new
    summaries_stale()  # a definition changes every partnership's verdicts
    return created, updated


# ---- a partnership's own local indicators ---------------------------------------------------


def _local_reason(partnership: Partnership) -> str:
    return (
        f"A local indicator of {partnership.name}: no national statistics measure it, so there "
        "is no national figure to compare with."
    )


def _check_owner(actor: Actor, owner: Agency | None) -> None:
    if owner is None or owner.partnership_id != actor.partnership.pk:
        raise ValidationError({"owner": "Choose the agency that answers for the indicator"})


def _clean(indicator: Indicator) -> None:
    try:
        indicator.full_clean(validate_constraints=False)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


def local_indicator_create(
    *, actor: Actor, code: str, owner: Agency | None, **fields: Any
) -> Indicator:
    """Add a local indicator to the actor's partnership: collected from its agencies of the
    owner's sector until the business unit confirms who reports it; never seen by another
    partnership. Its code may not be a national indicator's or another of the partnership's
    own."""
    actor.require("indicator.manage")
    _check_owner(actor, owner)
    assert owner is not None
    code = code.strip().upper()
    taken = Indicator.objects.filter(
        Q(partnership__isnull=True) | Q(partnership=actor.partnership), code=code
    )
    if taken.exists():
        raise ValidationError(
            {"code": f"{code} is already the code of an indicator: choose another"}
        )
    indicator = Indicator(
        code=code,
        partnership=actor.partnership,
        owner=owner,
        owning_sector=owner.sector,
        source=Source.AGENCY_RETURN,
        no_benchmark_reason=_local_reason(actor.partnership),
        order=1000 + Indicator.objects.filter(partnership=actor.partnership).count(),
        **{k: v for k, v in fields.items() if k in LOCAL_FIELDS},
    )
    _clean(indicator)
    with transaction.atomic():
        summaries_stale(partnerships=[actor.partnership])
        return save_as(indicator, actor)


def local_indicator_update(
    *,
    actor: Actor,
    indicator: Indicator,
    owner: Agency | None,
    changes_from: date | None = None,
    reason: str = "",
    **fields: Any,
) -> Indicator:
    """Change a local indicator. A change of what it measures (``DEFINITION_FIELDS``) needs the
    date it applies from and why: it becomes the next version, and from that date its series
    starts again (``DefinitionChange``); a new title, owner or phase does not."""
    actor.require("indicator.manage")
    if indicator.partnership_id != actor.partnership.pk:
        raise ValidationError("Only the partnership's own local indicators can be changed here")
    _check_owner(actor, owner)
    assert owner is not None
    # compared with what is stored (a model form has already put the new values on the object)
    stored = Indicator.objects.get(pk=indicator.pk)
    changed = [f for f in DEFINITION_FIELDS if f in fields and fields[f] != getattr(stored, f)]
    if changed:
        problems = {}
        if changes_from is None:
            problems["changes_from"] = "Enter the date the new definition applies from"
        if not reason.strip():
            problems["reason"] = "Say why the definition changed"
        if problems:
            raise ValidationError(problems)
        last = indicator.definition_changes.order_by("-starts").first()
        if changes_from is not None and last is not None and changes_from <= last.starts:
            raise ValidationError(
                {
                    "changes_from": "Enter a date after the last change of definition "
                    f"({last.starts:%-d %B %Y})"
                }
            )
    for name, value in fields.items():
        if name in LOCAL_FIELDS:
            setattr(indicator, name, value)
    indicator.owner, indicator.owning_sector = owner, owner.sector
    indicator.version = stored.version + 1 if changed else stored.version
    _clean(indicator)
    with transaction.atomic():
        summaries_stale(partnerships=[actor.partnership])  # its scorecard row and verdicts
        if changed and changes_from is not None:
            indicator._change_reason = (  # type: ignore[attr-defined]
                f"Version {indicator.version} from {changes_from:%-d %B %Y}: {reason.strip()}"
            )
        save_as(indicator, actor)
        if changed and changes_from is not None:
            save_as(
                DefinitionChange(
                    indicator=indicator,
                    version=indicator.version,
                    starts=changes_from,
                    reason=reason.strip(),
                    **{f: getattr(indicator, f) for f in DEFINITION_FIELDS},
                ),
                actor,
            )
    return indicator


# ---- the phases a partnership has adopted, and who reports each indicator ---------------------


def phase_adoptions_set(*, actor: Actor, adopted: dict[int, date | None]) -> list[PhaseAdoption]:
    """Record the phases the actor's partnership has adopted and from when (``None``: not
    adopted). A phase is adopted after the one before it, never from an earlier date; a phase
    no longer adopted is removed (its history keeps when it was). Figures already collected are
    kept."""
    actor.require("indicator.manage")
    problems = {}
    previous: date | None = None
    for phase in PHASES:
        starts = adopted.get(phase)
        if starts is None:
            previous = None
            continue
        if phase > 1 and adopted.get(phase - 1) is None:
            problems[f"phase_{phase}"] = (
                f"Adopt phase {phase - 1} before phase {phase}, or leave phase {phase}'s date empty"
            )
        elif previous is not None and starts < previous:
            problems[f"phase_{phase}"] = (
                f"Enter a date for phase {phase} on or after phase {phase - 1}'s "
                f"({previous:%-d %B %Y})"
            )
        previous = starts
    if problems:
        raise ValidationError(problems)
    stored = {a.phase: a for a in PhaseAdoption.objects_for(actor.partnership)}
    with transaction.atomic():
        for phase in PHASES:
            starts, adoption = adopted.get(phase), stored.get(phase)
            if starts is None:
                if adoption is not None:
                    delete_as(adoption, actor)
            elif adoption is None:
                save_as(
                    PhaseAdoption(partnership=actor.partnership, phase=phase, adopted_from=starts),
                    actor,
                )
            elif adoption.adopted_from != starts:
                adoption.adopted_from = starts
                save_as(adoption, actor)
    return list(PhaseAdoption.objects_for(actor.partnership).order_by("phase"))


def assignment_confirm(
    *,
    actor: Actor,
    indicator: Indicator,
    agencies: Iterable[Agency],
    by_locality: bool | None = None,
) -> IndicatorAssignment:
    """Confirm (or change) which of the partnership's agencies report an agency-return
    indicator: from its next collection round, exactly these agencies owe it. ``by_locality``
    marks it as collected by locality (None: as it was); an average (days) cannot be."""
    actor.require("indicator.manage")
    agencies = list(agencies)
    if indicator.source != Source.AGENCY_RETURN or indicator.partnership_id not in (
        None,
        actor.partnership.pk,
    ):
        raise ValidationError("Only an indicator the agencies report can be assigned to them")
    if any(a.partnership_id != actor.partnership.pk for a in agencies):
        raise ValidationError({"agencies": "Choose agencies of this partnership"})
    if any(a.kind == AgencyKind.SCRUTINY for a in agencies):
        raise ValidationError(
            {
                "agencies": "The independent scrutiny body scrutinises the figures: it cannot "
                "report them"
            }
        )
    if by_locality and indicator.unit == Unit.DAYS:
        raise ValidationError(
            {
                "by_locality": f"{indicator.title} is an average number of days: averages by "
                "locality do not add up to the whole, so it cannot be collected by locality"
            }
        )
    assignment = (
        IndicatorAssignment.objects_for(actor.partnership).filter(indicator=indicator).first()
    )
    with transaction.atomic():
        if assignment is None:
            assignment = IndicatorAssignment(partnership=actor.partnership, indicator=indicator)
        if by_locality is not None:
            assignment.by_locality = by_locality
        assignment.confirmed_by = actor.person
        assignment.confirmed_at = timezone.now()
        save_as(assignment, actor)
        assignment.agencies.set(agencies)
    return assignment


def assignments_confirm_proposals(*, actor: Actor) -> list[IndicatorAssignment]:
    """Confirm every indicator not yet confirmed with the agencies proposed for it (those
    already confirmed are left as they are)."""
    actor.require("indicator.manage")
    rows = [
        r for r in selectors.assignment_rows(partnership=actor.partnership) if not r.is_confirmed
    ]
    with transaction.atomic():
        return [
            assignment_confirm(actor=actor, indicator=r.indicator, agencies=r.agencies)
            for r in rows
        ]
