"""A year of meetings for the demo, held through the same services as the pages: meetings with
the agenda the platform proposes, attendance, and decisions on recommendations (with votes)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import LearningItem, Recommendation
from assurance.improvement.meetings import selectors, services
from assurance.improvement.meetings.agenda import agenda_defaults
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Group, Partnership, Person


class MeetingsDemo:
    """The demo partnership's people, groups and calendar, and its meetings and decisions."""

    def __init__(self, partnership: Partnership) -> None:
        self.p = partnership
        self.today = timezone.localdate()
        self.people = {
            person.email.split("@")[0]: person
            for person in Person.objects_for(partnership).select_related(
                "partnership", "agency", "user"
            )
        }
        self.bu = self.actor("business-unit")
        self.groups = {g.short_name: g for g in Group.objects_for(partnership)}

    def actor(self, login: str) -> Actor:
        return actor_for_person(self.people[login])

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def backdate(self, rec: Recommendation, on: date) -> None:
        moment = timezone.make_aware(datetime.combine(on, time(10)))
        Recommendation.unscoped.filter(pk=rec.pk).update(created_at=moment)
        rec.created_at = moment

    # --- meetings through the services ---------------------------------------------------------

    def meeting(
        self,
        short: str,
        offset: int,
        *,
        present: list[str] | None,
        apologies: tuple[str, ...] = (),
        minutes: str = "",
    ) -> Meeting:
        meeting = services.meeting_create(
            actor=self.bu,
            group=self.groups[short],
            held_on=self.day(offset),
            location="Northfield Civic Centre, committee room 2",
            minutes=minutes,
        )
        candidates = selectors.agenda_candidates(meeting=meeting)
        chosen = agenda_defaults(
            decides=meeting.group.is_decision_making,
            meeting_on=meeting.held_on,
            candidates=candidates,
        )
        keys: dict[str, list[int]] = {}
        for c in chosen:
            keys.setdefault(c.kind, []).append(c.key)
        items = LearningItem.objects_for(self.p).in_bulk(
            keys.get("learning", []) + keys.get("exception", [])
        )
        services.agenda_set(
            actor=self.bu,
            meeting=meeting,
            exceptions=[items[k] for k in keys.get("exception", [])],
            dataset_exceptions=[c.title for c in chosen if c.kind == "dataset"],
            learning_items=[items[k] for k in keys.get("learning", [])],
            recommendations=list(
                Recommendation.objects_for(self.p).filter(pk__in=keys.get("recommendation", []))
            ),
            actions=list(Action.objects_for(self.p).filter(pk__in=keys.get("action", []))),
            other=["Matters arising and actions from the last meeting"],
        )
        if present is not None:
            services.attendance_record(
                actor=self.bu,
                meeting=meeting,
                present=[self.people[login] for login in present if login not in apologies],
                apologies=[self.people[login] for login in apologies],
            )
        return meeting

    def decide(
        self,
        meeting: Meeting,
        rec: Recommendation,
        outcome: str,
        reasons: str,
        votes: dict[str, str] | None = None,
    ) -> None:
        rec.refresh_from_db()
        if rec.status not in services.OPEN_FOR_DECISION:
            return  # decided already (by another part of the demo)
        rows = {a.person.email.split("@")[0]: a.pk for a in meeting.attendances.all()}
        services.decision_record(
            actor=self.bu,
            meeting=meeting,
            recommendation=rec,
            outcome=outcome,
            reasons=reasons,
            votes={rows[login]: choice for login, choice in (votes or {}).items()},
        )
