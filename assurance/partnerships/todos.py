"""What the partnership's set-up asks of the business unit, for the home page's to-do list."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse

from assurance.core.business_year import business_year_label, current_business_year
from assurance.core.registry import Todo
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Group, Person, Priority


def partnership_todos(actor: Actor) -> list[Todo]:
    if not actor.can("partnership.manage"):
        return []
    partnership, slug = actor.partnership, actor.partnership.slug
    todos: list[Todo] = []
    year = current_business_year()
    if not Priority.objects_for(partnership).filter(business_year=year).exists():
        todos.append(
            Todo(
                f"Set the partnership's priorities for {business_year_label(year)}",
                reverse("partnerships:priority_create", args=[slug]),
                priority=10,
            )
        )
    leads = Person.unscoped.filter(agency=OuterRef("pk"), is_agency_lead=True, is_active=True)
    without_lead = (
        Agency.objects_for(partnership).filter(is_active=True).exclude(Exists(leads)).count()
    )
    if without_lead:
        todos.append(
            Todo(
                "Name an agency lead for each agency",
                reverse("partnerships:agency_list", args=[slug]),
                count=without_lead,
                priority=20,
            )
        )
    without_chair = Group.objects_for(partnership).filter(chair__isnull=True).count()
    if without_chair:
        todos.append(
            Todo(
                "Name a chair for each group",
                reverse("partnerships:group_list", args=[slug]),
                count=without_chair,
                priority=30,
            )
        )
    return todos
