"""An indicator value's figures by locality as an agency gives them (the values page, the
workbook's Localities sheet or the API): parsed and checked against the rule that they add up
to the total (``localities.rules``), compared with those saved, and stored. The collection's
services call these inside their one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from assurance.core.history import save_as
from assurance.dataset.collection import selectors
from assurance.dataset.collection.models import IndicatorValue, LocalityValue
from assurance.dataset.collection.rules import Checked, NotANumber, Problem, parse_number
from assurance.dataset.localities.rules import Part, breakdown_problems
from assurance.partnerships.access import Actor

# What someone gave for each locality of an indicator collected by locality: the locality (its
# id from the values page, its name from the workbook or the API) → (numerator, denominator), as
# typed. None for an indicator: the way in gave its total only (the saved figures by locality
# must still add up to it).
PartsEntry = Mapping[int | str, tuple[object, object]]


def parts_of(
    row: selectors.ValueRow, checked: Checked, typed: PartsEntry | None
) -> tuple[list[Part] | None, list[tuple[str, Problem]]]:
    """An indicator's figures by locality, parsed, and what is wrong with them (the rule that
    they add up to the total: ``localities.rules``). ``typed`` None (the total only): the
    figures saved must still add up to the new total; they are then not changed (None)."""
    code, name = row.indicator.code, row.rule.name
    problems: list[tuple[str, Problem]] = []
    parts: list[Part] = []
    if typed is None:
        saved = [(loc, row.parts.get(loc.pk)) for loc in row.localities]
        parts = [Part(loc.name, v.numerator, v.denominator) for loc, v in saved if v is not None]
        if not parts or checked.numerator is None:
            return None, []
        found = breakdown_problems(
            name=name,
            unit=row.indicator.unit,
            numerator=checked.numerator,
            denominator=checked.denominator,
            parts=parts,
        )
        note = (
            ". Only the total was given: give the figures by locality with it (on the values "
            "page, in the workbook's Localities sheet or in the API's localities; once "
            "published, by revising the value)"
        )
        return None, [(code, Problem("numerator", p.message + note)) for p in found]
    ids = {loc.name: loc.pk for loc in row.localities}
    given, unknown = by_locality_id(row, typed)
    if unknown:
        names = ", ".join(loc.name for loc in row.localities)
        return None, [
            (
                code,
                Problem(
                    "localities",
                    f"{name}: {key} is not a locality in use (the localities are {names})",
                ),
            )
            for key in unknown
        ]
    for locality in row.localities:
        raw_numerator, raw_denominator = given.get(locality.pk, (None, None))
        numbers: list[Decimal | None] = []
        for field, raw in (("numerator", raw_numerator), ("denominator", raw_denominator)):
            try:
                numbers.append(parse_number(raw))
            except NotANumber as exc:
                word = "figure" if not row.rule.needs_denominator else field
                message = f"{name}: the {word} for {locality.name} must be {exc}"
                problems.append((code, Problem(f"loc{locality.pk}-{field}", message)))
                numbers.append(None)
        parts.append(Part(locality.name, numbers[0], numbers[1]))
    if problems:
        return parts, problems
    found = breakdown_problems(
        name=name,
        unit=row.indicator.unit,
        numerator=checked.numerator,
        denominator=checked.denominator,
        parts=parts,
    )
    for p in found:
        field = f"loc{ids[p.locality]}-{p.field}" if p.locality else p.field
        problems.append((code, Problem(field, p.message)))
    return parts, problems


def by_locality_id(
    row: selectors.ValueRow, typed: PartsEntry
) -> tuple[dict[int, tuple[object, object]], list[str]]:
    """The figures given, by locality id (a key is a locality's id, or its name in any case, of
    a locality in use), and the keys that name none."""
    by_name = {loc.name.casefold(): loc.pk for loc in row.localities}
    ids = set(by_name.values())
    found: dict[int, tuple[object, object]] = {}
    unknown: list[str] = []
    for key, figures in typed.items():
        if isinstance(key, int) and key in ids:
            found[key] = figures
        elif isinstance(key, str) and " ".join(key.split()).casefold() in by_name:
            found[by_name[" ".join(key.split()).casefold()]] = figures
        else:
            unknown.append(str(key))
    return found, unknown


def parts_save(
    *, value: IndicatorValue, row: selectors.ValueRow, parts: list[Part], actor: Actor
) -> int:
    """Store an agency's figures by locality for a value (they were checked to add up)."""
    changed = 0
    by_name = {loc.name: loc for loc in row.localities}
    for part in parts:
        locality = by_name[part.locality]
        assert part.numerator is not None
        current = row.parts.get(locality.pk)
        if current is None:
            current = LocalityValue(partnership=value.partnership, value=value, locality=locality)
        elif (current.numerator, current.denominator) == (part.numerator, part.denominator):
            continue
        current.numerator, current.denominator = part.numerator, part.denominator
        save_as(current, actor)
        changed += 1
    return changed


def parts_differ(row: selectors.ValueRow, parts: list[Part]) -> bool:
    """Whether figures by locality differ from those saved (a revision may change only them)."""
    by_name = {loc.name: loc.pk for loc in row.localities}
    for part in parts:
        saved = row.parts.get(by_name[part.locality])
        if saved is None or (saved.numerator, saved.denominator) != (
            part.numerator,
            part.denominator,
        ):
            return True
    return False
