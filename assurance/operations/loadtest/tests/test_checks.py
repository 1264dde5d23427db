"""The lost-write check: what the service acknowledged, read back from the database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from assurance.operations.loadtest.checks import Write, last_acknowledged, lost_writes, same
from assurance.partnerships.models import Agency
from assurance.partnerships.tests.factories import TenantFactory


@pytest.mark.parametrize(
    ("stored", "sent", "expected"),
    [
        (Decimal("12.0000"), "12", True),
        (Decimal("12.5000"), "12.5", True),
        (Decimal("12.0000"), "13", False),
        (Decimal("1200.0000"), "1,200", True),
        (Decimal("12.0000"), "twelve", False),
        (5, "5", True),
        (5, "6", False),
        ("a note", "a note", True),
        ("a note", "a note ", False),
        (None, "", True),
        (None, "0", False),
        (True, "True", True),
    ],
)
def test_a_stored_value_is_the_value_sent(stored: Any, sent: str, expected: bool) -> None:
    assert same(stored, sent) is expected


def test_only_the_last_acknowledged_write_of_a_field_counts() -> None:
    first = Write("partnerships.Agency", (("pk", 1),), "name", "A")
    other = Write("partnerships.Agency", (("pk", 2),), "name", "B")
    last = Write("partnerships.Agency", (("pk", 1),), "name", "C")
    assert last_acknowledged([first, other, last]) == [other, last]


def test_a_write_round_trips_through_json() -> None:
    write = Write("dataset.IndicatorValue", (("round_id", 3), ("indicator__code", "X")), "n", "4")
    assert Write.from_json(write.as_json()) == write


@pytest.mark.django_db
def test_writes_that_are_stored_are_not_lost() -> None:
    agency = TenantFactory().council
    where = (("pk", agency.pk),)
    writes = [
        Write("partnerships.Agency", where, "name", "An earlier name"),
        Write("partnerships.Agency", where, "name", agency.name),
        Write("partnerships.Agency", where, "short_name", agency.short_name),
    ]
    assert lost_writes(writes) == (2, [])


@pytest.mark.django_db
def test_a_write_overwritten_behind_the_users_back_is_lost() -> None:
    agency = TenantFactory().council
    acknowledged = Write("partnerships.Agency", (("pk", agency.pk),), "name", agency.name)
    Agency.unscoped.filter(pk=agency.pk).update(name="Reverted by a stale save")

    checked, lost = lost_writes([acknowledged])

    assert checked == 1
    assert [str(x) for x in lost] == [
        f"partnerships.Agency (pk={agency.pk}) name: acknowledged {agency.name!r}, stored "
        "'Reverted by a stale save'"
    ]


@pytest.mark.django_db
def test_a_write_whose_record_is_gone_or_unreadable_is_lost_not_a_crash() -> None:
    agency = TenantFactory().council
    writes = [
        Write("partnerships.Agency", (("pk", agency.pk + 1000),), "name", "Gone"),
        Write("partnerships.Agency", (("pk", agency.pk),), "no_such_field", "x"),
        Write("nowhere.Nothing", (("pk", 1),), "name", "x"),
    ]
    checked, lost = lost_writes(writes)
    assert checked == 3
    assert [x.stored.split(" (")[0] for x in lost] == [
        "no such row",
        "nothing readable",
        "nothing readable",
    ]


@pytest.mark.django_db
def test_filters_across_relations_find_one_row() -> None:
    tenant = TenantFactory()
    person_agency = tenant.council
    write = Write(
        "partnerships.Agency",
        (("partnership__slug", tenant.partnership.slug), ("name", person_agency.name)),
        "short_name",
        person_agency.short_name,
    )
    assert lost_writes([write]) == (1, [])
