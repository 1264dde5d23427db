"""What audits ask of each person, for the home page's to-do list, and what they put before
the scrutineer for review."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from assurance.audits import selectors
from assurance.core.registry import ReviewItem, ReviewSection, Todo
from assurance.core.roles import Role
from assurance.partnerships.access import Actor
from assurance.partnerships.visits import changes_window


def audit_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    url = reverse("audits:my_returns", args=[actor.partnership.slug])
    to_complete = selectors.my_returns(actor=actor).count()
    if to_complete:
        todos.append(Todo("Complete your audit returns", url, count=to_complete, priority=1))
    to_sign = selectors.returns_to_sign_off(actor=actor).count()
    if to_sign:
        todos.append(Todo("Sign off your agency's audit returns", url, count=to_sign, priority=2))
    to_assign = selectors.returns_to_assign(actor=actor)
    count = to_assign.count()
    if count:
        # All in one audit (the usual case): straight to the page that assigns them all.
        audits = set(to_assign.values_list("case__audit_id", flat=True).distinct())
        assign_url = (
            reverse(
                "audits:assign_returns",
                args=[actor.partnership.slug, audits.pop(), actor.agency_id],
            )
            if len(audits) == 1
            else url
        )
        todos.append(
            Todo("Assign auditors to your agency's cases", assign_url, count=count, priority=3)
        )
    return todos


REVIEW_LIMIT = 10


def audit_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: the audits closed (their report published) since their last visit,
    or in the last 90 days on their first (``partnerships.visits.changes_window``)."""
    if not actor.has_role(Role.SCRUTINEER):
        return None
    window = changes_window(since, timezone.now())
    audits = selectors.audits_closed_since(actor=actor, since=window.start)
    slug = actor.partnership.slug
    items = tuple(
        ReviewItem(
            audit.title,
            reverse("audits:report", args=[slug, audit.pk]),
            detail=f"Closed {timezone.localtime(audit.closed_at):%-d %B %Y}",  # type: ignore[attr-defined]
            tag="New",
        )
        for audit in audits[:REVIEW_LIMIT]
    )
    return ReviewSection(
        f"Audits closed {window.words}",
        items,
        total=audits.count() if len(items) == REVIEW_LIMIT else len(items),
        empty=f"No audit has closed {window.words}.",
        more_href=reverse("audits:programme", args=[slug]),
        order=40,
    )
