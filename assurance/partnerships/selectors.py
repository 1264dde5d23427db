"""Reads of the partnership's records, always through the actor's scope."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet

from assurance.core.business_year import current_business_year
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    Partnership,
    Person,
    Priority,
)


def agency_list(*, actor: Actor) -> QuerySet[Agency]:
    return scoped(actor, Agency.unscoped.all(), "agency.view", agency_field="pk").annotate(
        people_count=Count("people", filter=Q(people__is_active=True))
    )


def by_kind(agencies: Iterable[Agency]) -> dict[str, list[Agency]]:
    """The agencies grouped by kind (statutory partner, relevant agency, independent
    scrutiny), each kind present, in the order given."""
    grouped: dict[str, list[Agency]] = {kind: [] for kind in AgencyKind.values}
    for agency in agencies:
        grouped[agency.kind].append(agency)
    return grouped


def get_agency(*, actor: Actor, pk: Any, permission: str = "agency.view") -> Agency:
    return get_for_actor(actor, Agency.unscoped.all(), permission, pk, agency_field="pk")


def group_list(*, actor: Actor) -> QuerySet[Group]:
    return scoped(
        actor, Group.unscoped.select_related("chair"), "group.view", agency_field="members__agency"
    ).annotate(seat_count=Count("members"))


def get_group(*, actor: Actor, pk: Any, permission: str = "group.view") -> Group:
    return get_for_actor(
        actor,
        Group.unscoped.select_related("chair", "accountable_to"),
        permission,
        pk,
        agency_field="members__agency",
    )


def group_seats(*, group: Group) -> QuerySet[GroupMember]:
    return GroupMember.unscoped.filter(group=group).select_related("agency", "person")


def get_group_seat(*, actor: Actor, group: Group, pk: Any) -> GroupMember:
    seat = get_for_actor(actor, GroupMember.unscoped.filter(group=group), "group.manage", pk)
    return seat


def priority_list(*, actor: Actor) -> QuerySet[Priority]:
    return scoped(actor, Priority.unscoped.all(), "priority.view", agency_field="pk")


def priorities_by_year(*, actor: Actor) -> list[tuple[int, list[Priority]]]:
    years: dict[int, list[Priority]] = {}
    for priority in priority_list(actor=actor):
        years.setdefault(priority.business_year, []).append(priority)
    return sorted(years.items(), reverse=True)


def get_priority(*, actor: Actor, pk: Any, permission: str = "priority.view") -> Priority:
    return get_for_actor(actor, Priority.unscoped.all(), permission, pk, agency_field="pk")


def person_list(*, actor: Actor, agency_id: int | None = None) -> QuerySet[Person]:
    # The partnership's own people: a setting's users are listed on their setting (ADR 027)
    people = scoped(
        actor, Person.unscoped.select_related("agency").filter(is_setting_user=False), "person.view"
    )
    if agency_id:
        people = people.filter(agency_id=agency_id)
    return people


def get_person(*, actor: Actor, pk: Any, permission: str = "person.view") -> Person:
    people = Person.unscoped.select_related("agency", "user").filter(is_setting_user=False)
    return get_for_actor(actor, people, permission, pk)


def partnership_summary(*, actor: Actor) -> dict[str, int]:
    """Counts for the partnership's home page, in one query per kind of record."""
    partnership = actor.partnership
    year = current_business_year()
    return {
        "agencies": Agency.objects_for(partnership).filter(is_active=True).count(),
        "groups": Group.objects_for(partnership).count(),
        "people": Person.objects_for(partnership).filter(is_active=True).count(),
        "priorities": Priority.objects_for(partnership).filter(business_year=year).count(),
    }


def working_agencies(*, partnership: Partnership) -> QuerySet[Agency]:
    """The active agencies that work with children and families: those that audit cases, own
    actions and answer challenges (not the independent scrutiny body, which scrutinises them)."""
    return (
        Agency.objects_for(partnership)
        .filter(is_active=True)
        .exclude(kind=AgencyKind.SCRUTINY)
        .order_by("name")
    )
