"""Writes for quarterly collection: open a round, save an agency's values (from the form, the
workbook or the API: one set of rules, ``rules.check_entry``), sign off, unlock, chase, publish,
and revise a published value.

Saving is all or nothing: every entry is checked first and a single problem stores nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.concurrency import latest_change, lock
from assurance.core.emails import send_email
from assurance.core.history import delete_as
from assurance.core.permissions import Scope
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.selectors import visible_to
from assurance.dataset.collection import breakdowns, selectors
from assurance.dataset.collection.models import (
    AgencySignOff,
    Chase,
    CollectionRound,
    IndicatorValue,
    LocalityValue,
    Revision,
    RoundStatus,
)
from assurance.dataset.collection.rules import (
    Checked,
    Entry,
    Kind,
    Problem,
    check_entry,
    period_of,
)
from assurance.dataset.collection.sources import system_values_refresh
from assurance.dataset.localities.rules import Part, breakdown_problems
from assurance.dataset.summaries.services import summaries_stale
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency


class CollectionProblems(ValidationError):
    """Problems with entries, each with the indicator code and field it belongs to."""

    def __init__(self, problems: list[tuple[str, Problem]]) -> None:
        super().__init__([p.message for _, p in problems])
        self.problems = problems


class ValuesChanged(Exception):
    """The agency's values in the round changed since the version the caller read
    (``selectors.agency_values_version``); nothing was saved."""

    def __init__(self, *, version: str, changed_by: str, changed_at: datetime | None) -> None:
        super().__init__(f"{changed_by} changed these values since you read them.")
        self.version, self.changed_by, self.changed_at = version, changed_by, changed_at


def _require_agency(actor: Actor, agency: Agency, permission: str) -> None:
    scope = actor.require(permission)
    if agency.partnership_id != actor.partnership.pk or (
        scope is Scope.OWN_AGENCY and agency.pk != actor.agency_id
    ):
        raise PermissionDenied("You can only do this for your own agency.")


def round_open(
    *,
    actor: Actor,
    frequency: str,
    business_year: int,
    number: int,
    opens_on: date,
    due_on: date,
    change_percent: Decimal = Decimal(25),
) -> CollectionRound:
    actor.require("collection.manage")
    period = period_of(frequency, business_year, number)
    if due_on < opens_on:
        raise ValidationError("The due date must be on or after the day the round opens.")
    if CollectionRound.objects_for(actor.partnership).filter(
        frequency=frequency, period_start=period.start
    ):
        raise ValidationError(f"There is already a round for {period.label}.")
    with transaction.atomic():
        round = CollectionRound.objects_for(actor.partnership).create(
            partnership=actor.partnership,
            frequency=frequency,
            period_start=period.start,
            period_end=period.end,
            opens_on=opens_on,
            due_on=due_on,
            change_percent=change_percent,
        )
        # what systems count from their own records is there from the start
        system_values_refresh(round=round, person=actor.person, reason="Round opened")
    return round


def _check_editable(round: CollectionRound, agency: Agency) -> None:
    if round.status != RoundStatus.OPEN:
        raise ValidationError(
            f"{round} has been published: change a value by revising it, with the reason."
        )
    if timezone.localdate() < round.opens_on:
        raise ValidationError(
            f"{round} opens on {round.opens_on.day} {round.opens_on:%B %Y}: enter values then."
        )
    sign_off = selectors.sign_off_get(round=round, agency=agency)
    if sign_off is not None and sign_off.is_locked:
        raise ValidationError(
            f"{agency.name} has signed off {round}: ask the business unit to unlock it."
        )


@dataclass
class SaveResult:
    saved: int
    removed: int
    checked: dict[str, Checked]


@dataclass
class _Checks:
    rows: dict[str, selectors.ValueRow]
    results: dict[str, Checked]
    problems: list[tuple[str, Problem]]
    parts: dict[str, list[Part]]


def _check(
    *,
    round: CollectionRound,
    agency: Agency,
    entries: Mapping[str, Entry],
    parts: Mapping[str, breakdowns.PartsEntry | None] | None,
) -> _Checks:
    rows = {row.indicator.code: row for row in selectors.agency_rows(round=round, agency=agency)}
    problems: list[tuple[str, Problem]] = []
    results: dict[str, Checked] = {}
    split: dict[str, list[Part]] = {}
    for code, entry in entries.items():
        row = rows.get(code)
        if row is None:
            problems.append(
                (
                    code,
                    Problem(
                        "indicator",
                        f"{code}: this is not an indicator {agency.name} reports in {round}",
                    ),
                )
            )
            continue
        checked = check_entry(row.rule, entry, row.context)
        results[code] = checked
        problems.extend((code, p) for p in checked.problems)
        if not row.by_locality and parts is not None and parts.get(code):
            problems.append(
                (
                    code,
                    Problem(
                        "localities",
                        f"{row.rule.name}: this indicator is not collected by locality: give "
                        "its total only",
                    ),
                )
            )
        if row.by_locality and not checked.errors:
            typed = None if parts is None else parts.get(code, {})
            found, part_problems = breakdowns.parts_of(row, checked, typed)
            problems.extend(part_problems)
            if found is not None:
                split[code] = found
    return _Checks(rows=rows, results=results, problems=problems, parts=split)


def values_check(
    *,
    round: CollectionRound,
    agency: Agency,
    entries: Mapping[str, Entry],
    parts: Mapping[str, breakdowns.PartsEntry | None] | None = None,
) -> tuple[dict[str, Checked], list[tuple[str, Problem]]]:
    """Check entries (by indicator code) against the rules and each series' context, and the
    figures by locality (``parts``, by indicator code; None for a code, or for all, when the
    way in gave the total only) against the rule that they add up to the total."""
    checks = _check(round=round, agency=agency, entries=entries, parts=parts)
    return checks.results, checks.problems


def values_save(
    *,
    actor: Actor,
    round: CollectionRound,
    agency: Agency,
    entries: Mapping[str, Entry],
    via: str = "web",
    expected_version: str | None = None,
    parts: Mapping[str, breakdowns.PartsEntry | None] | None = None,
) -> SaveResult:
    """Save an agency's entries for a round, all or nothing. A blank entry removes a saved
    value (history keeps it) and its figures by locality. ``parts``: the figures by locality
    of the indicators collected by locality, by code (the values page, the workbook's
    Localities sheet and the API's ``localities`` give them); a code given None, or ``parts``
    None, carries the total only, which may not change so that the figures saved by locality
    no longer add up to it. Raises ``CollectionProblems`` naming each indicator, and
    ``ValuesChanged`` if ``expected_version`` is given and the agency's values are no longer
    at that version (the round is locked while it checks and saves)."""
    _require_agency(actor, agency, "collection.submit")
    _check_editable(round, agency)
    checks = _check(round=round, agency=agency, entries=entries, parts=parts)
    results = checks.results
    if checks.problems:
        raise CollectionProblems(checks.problems)
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(visible_to(round.partnership), code__in=list(results))
    }
    saved = removed = 0
    now = timezone.now()
    with transaction.atomic():
        if expected_version is not None:
            _check_version(round=round, agency=agency, expected=expected_version)
        existing = {
            v.indicator.code: v
            for v in IndicatorValue.objects_for(round.partnership)
            .filter(round=round, agency=agency, indicator__code__in=list(results))
            .select_related("indicator")
            .select_for_update()
        }
        for code, checked in results.items():
            entry = entries[code]
            current = existing.get(code)
            if checked.blank:
                if current is not None:
                    for part in LocalityValue.objects_for(round.partnership).filter(value=current):
                        delete_as(part, actor)
                    current.delete()
                    removed += 1
                continue
            assert checked.numerator is not None and checked.value is not None
            fields = {
                "numerator": checked.numerator,
                "denominator": checked.denominator,
                "value": checked.value,
                "commentary": entry.commentary.strip(),
                "confirmed_outlier": bool(entry.confirmed_outlier and checked.outside_limits),
            }
            if current is None:
                current = IndicatorValue.objects_for(round.partnership).create(
                    partnership=round.partnership,
                    round=round,
                    indicator=indicators[code],
                    agency=agency,
                    entered_by=actor.person,
                    entered_via=via,
                    changed_at=now,
                    **fields,
                )
                saved += 1
            elif any(getattr(current, k) != v for k, v in fields.items()):
                for key, item in fields.items():
                    setattr(current, key, item)
                current.entered_by, current.entered_via, current.changed_at = (
                    actor.person,
                    via,
                    now,
                )
                current.save()
                saved += 1
            if code in checks.parts:
                changed = breakdowns.parts_save(
                    value=current, row=checks.rows[code], parts=checks.parts[code], actor=actor
                )
                if changed and current.changed_at != now:  # only the localities changed
                    current.entered_by, current.changed_at = actor.person, now
                    current.save(update_fields=["entered_by", "changed_at"])
                    saved += 1
    return SaveResult(saved=saved, removed=removed, checked=results)


def _check_version(*, round: CollectionRound, agency: Agency, expected: str) -> None:
    lock([round])
    version = selectors.agency_values_version(round=round, agency=agency)
    if version != expected:
        who, when = latest_change(selectors.agency_values(round=round, agency=agency))
        raise ValuesChanged(version=version, changed_by=who, changed_at=when)


def round_sign_off(*, actor: Actor, round: CollectionRound, agency: Agency) -> AgencySignOff:
    """The agency lead signs off every value their agency owes in the round; it locks them."""
    _require_agency(actor, agency, "collection.submit")
    _check_editable(round, agency)
    rows = selectors.agency_rows(round=round, agency=agency)
    missing = [row.indicator for row in rows if row.value is None]
    if missing:
        raise ValidationError(
            [f"{i.code} ({i.title}): enter a value before signing off" for i in missing]
        )
    problems: list[str] = []
    for row in rows:
        assert row.value is not None
        entry = Entry(
            row.value.numerator,
            row.value.denominator,
            row.value.commentary,
            row.value.confirmed_outlier,
        )
        checked = check_entry(row.rule, entry, row.context)
        problems.extend(p.message for p in checked.problems)
        if row.by_locality:
            parts = [
                Part(
                    loc.name,
                    row.parts[loc.pk].numerator if loc.pk in row.parts else None,
                    row.parts[loc.pk].denominator if loc.pk in row.parts else None,
                )
                for loc in row.localities
            ]
            found = breakdown_problems(
                name=row.rule.name,
                unit=row.indicator.unit,
                numerator=row.value.numerator,
                denominator=row.value.denominator,
                parts=parts,
            )
            problems.extend(p.message for p in found)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    sign_off = selectors.sign_off_get(round=round, agency=agency)
    if sign_off is None:
        return AgencySignOff.objects_for(round.partnership).create(
            partnership=round.partnership,
            round=round,
            agency=agency,
            signed_by=actor.person,
            signed_at=now,
            first_signed_at=now,
        )
    sign_off.is_locked, sign_off.signed_by, sign_off.signed_at = True, actor.person, now
    sign_off.save()
    return sign_off


def round_unlock(
    *, actor: Actor, round: CollectionRound, agency: Agency, reason: str
) -> AgencySignOff:
    actor.require("collection.manage")
    if not reason.strip():
        raise ValidationError("Enter why you are unlocking the agency's values.")
    if round.status != RoundStatus.OPEN:
        raise ValidationError(f"{round} has been published: values are changed by revision.")
    sign_off = selectors.sign_off_get(round=round, agency=agency)
    if sign_off is None or not sign_off.is_locked:
        raise ValidationError(f"{agency.name} has not signed off {round}.")
    sign_off.is_locked = False
    sign_off.unlocked_by, sign_off.unlocked_at = actor.person, timezone.now()
    sign_off.unlock_reason = reason.strip()
    sign_off.save()
    return sign_off


def round_chase(*, actor: Actor, round: CollectionRound, agency: Agency, base_url: str) -> Chase:
    """E-mail the agency's leads a reminder of what they still owe and when it was due."""
    actor.require("collection.manage")
    if round.status != RoundStatus.OPEN:
        raise ValidationError(f"{round} has been published.")
    leads = [p for p in selectors.agency_leads(agency=agency) if p.email]
    if not leads:
        raise ValidationError(f"{agency.name} has no agency lead with an e-mail address.")
    progress = selectors.round_progress(round=round, agencies=[agency]).agencies[0]
    url = f"{base_url}/p/{round.partnership.slug}/data-set/collection/{round.pk}/values/"
    send_email(
        "dataset/emails/values_chase",
        {
            "agency": agency,
            "progress": progress,
            "round": round,
            "link": url,
            "sender": actor.person,
        },
        to=[p.email for p in leads],
        from_email=settings.DEFAULT_FROM_EMAIL,
    )
    return Chase.objects_for(round.partnership).create(
        partnership=round.partnership,
        round=round,
        agency=agency,
        sent_by=actor.person,
        sent_at=timezone.now(),
        recipients=", ".join(p.email for p in leads),
    )


def round_publish(*, actor: Actor, round: CollectionRound) -> CollectionRound:
    """Publish the round: its values appear in the partnership's series; after this a value
    changes only by revision. What every agency entered is published; the round's completeness
    and timeliness say what was missing or late."""
    actor.require("collection.manage")
    if round.status == RoundStatus.PUBLISHED:
        raise ValidationError(f"{round} has already been published.")
    round.status = RoundStatus.PUBLISHED
    round.published_at, round.published_by = timezone.now(), actor.person
    with transaction.atomic():
        round.save()
        summaries_stale(partnerships=[round.partnership_id])  # its values join the series
    return round


def value_revise(
    *,
    actor: Actor,
    value: IndicatorValue,
    entry: Entry,
    reason: str,
    parts: breakdowns.PartsEntry | None = None,
) -> Revision:
    """Revise a value of a published round: same rules; the old value, who, when and why are
    kept. For an indicator collected by locality, ``parts`` are the revised figures by locality
    (they add up to the revised total; their history keeps the old ones)."""
    _require_agency(actor, value.agency, "collection.submit")
    if value.is_from_system:
        raise ValidationError(
            f"{value.indicator.code} is counted from the {value.source_label.lower()}: "
            "correct those and the value follows."
        )
    round = value.round
    if round.status != RoundStatus.PUBLISHED:
        raise ValidationError(f"{round} is still open: change the value on the round's form.")
    if not reason.strip():
        raise CollectionProblems(
            [
                (
                    value.indicator.code,
                    Problem("reason", f"{value.indicator.code}: enter why the value is revised"),
                )
            ]
        )
    code = value.indicator.code
    checks = _check(
        round=round,
        agency=value.agency,
        entries={code: entry},
        parts=None if parts is None else {code: parts},
    )
    problems = checks.problems
    checked = checks.results.get(code)
    if not problems and checked is not None and checked.blank:
        problems = [
            (
                value.indicator.code,
                Problem("numerator", f"{value.indicator.code}: enter the revised value"),
            )
        ]
    if problems:
        raise CollectionProblems(problems)
    assert checked is not None and checked.numerator is not None and checked.value is not None
    parts_changed = code in checks.parts and breakdowns.parts_differ(
        checks.rows[code], checks.parts[code]
    )
    if (checked.numerator, checked.denominator) == (
        value.numerator,
        value.denominator,
    ) and not parts_changed:
        raise CollectionProblems(
            [
                (
                    value.indicator.code,
                    Problem("numerator", f"{value.indicator.code}: the figures are unchanged"),
                )
            ]
        )
    now = timezone.now()
    with transaction.atomic():
        revision = Revision.objects_for(value.partnership).create(
            partnership=value.partnership,
            value=value,
            old_numerator=value.numerator,
            old_denominator=value.denominator,
            old_value=value.value,
            new_numerator=checked.numerator,
            new_denominator=checked.denominator,
            new_value=checked.value,
            reason=reason.strip(),
            revised_by=actor.person,
            revised_at=now,
        )
        value.numerator, value.denominator, value.value = (
            checked.numerator,
            checked.denominator,
            checked.value,
        )
        value.commentary = entry.commentary.strip() or value.commentary
        value.confirmed_outlier = bool(entry.confirmed_outlier and checked.outside_limits)
        value.entered_by, value.changed_at = actor.person, now
        value._change_reason = f"Revised: {reason.strip()}"  # type: ignore[attr-defined]
        value.save()
        if code in checks.parts:
            breakdowns.parts_save(
                value=value, row=checks.rows[code], parts=checks.parts[code], actor=actor
            )
        summaries_stale(partnerships=[value.partnership_id])
    return revision


def blocking(problems: list[tuple[str, Problem]]) -> bool:
    return any(p.kind is Kind.ERROR for _, p in problems)
