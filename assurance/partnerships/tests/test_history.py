"""core.history: readable field-by-field change history of any record."""

from __future__ import annotations

import pytest

from assurance.core.history import history_entries, save_as
from assurance.partnerships.models import Person, Sector
from assurance.partnerships.tests.factories import GroupFactory, Tenant

pytestmark = pytest.mark.django_db


def test_created_then_changed(northfield: Tenant, amira: Person) -> None:
    agency = northfield.school
    agency.sector = Sector.EDUCATION
    agency.is_active = False
    save_as(agency, amira.user)
    changed, created = history_entries(agency)
    assert created.action == "Created"
    assert created.who == "The system"
    assert {c.field for c in created.changes} >= {"Name", "Sector"}
    assert changed.action == "Changed"
    assert changed.who == "Amira Holloway"
    by_field = {c.field: (c.old, c.new) for c in changed.changes}
    assert by_field["Sector"] == ("Other", "Education")  # choice labels, not codes
    assert by_field["Is active"] == ("Yes", "No")
    assert changed.when >= created.when


def test_related_records_are_shown_by_name(
    northfield: Tenant, helen: Person, farah: Person
) -> None:
    group = GroupFactory(partnership=northfield.partnership, chair=helen)
    group.chair = farah
    group.save()
    change = history_entries(group)[0]
    assert {c.field: (c.old, c.new) for c in change.changes}["Chair"] == (
        "Helen Stroud",
        "Farah Quinlan",
    )


def test_blank_values_are_shown_as_blank(northfield: Tenant) -> None:
    group = GroupFactory(partnership=northfield.partnership, quorum_number=None)
    group.quorum_number = 3
    group.save()
    change = history_entries(group)[0]
    assert {c.field: (c.old, c.new) for c in change.changes}["Quorum number"] == ("(blank)", "3")


def test_excluded_fields_are_left_out(northfield: Tenant) -> None:
    agency = northfield.school
    agency.short_name = "Schools"
    agency.save()
    assert history_entries(agency, exclude=("short_name",))[0].changes == []
