"""A year of Northfield's serious incidents, through the same services the pages use.

Six notifications: one the council became aware of just before Christmas (the partnership's
offices close between Christmas and New Year) and one just before Easter, whose rapid review
reached the Panel late; a looked-after child's death, notified to Ofsted and the Secretary of
State too; two where the safeguarding partners decided on a local child safeguarding practice
review; one awaiting its rapid review, whose agencies were asked for their information (the
council answered, the police have started, the ICB is late) and one not yet notified. Every
deadline is computed by the statutory clock from the day of becoming aware. The people named
on each review are the statutory partners' leads, except the review awaiting its rapid review,
which the ICB's lead is not on (the authorisation matrix shows she cannot open it, though she
answers the ICB's information request).

Dates are relative to the day the demo is loaded. Loading is idempotent: if Northfield already
has serious incidents, nothing is added.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from assurance.improvement.actions import services as action_services
from assurance.improvement.actions.models import MeasureKind
from assurance.improvement.learning import services as learning_services
from assurance.improvement.learning.models import LearningTheme
from assurance.improvement.meetings.demo import MeetingsDemo
from assurance.improvement.meetings.models import DecisionOutcome, Meeting
from assurance.improvement.meetings.services import attendance_record, meeting_create
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Agency, Group, Partnership, Person
from assurance.reviews.clock import rules
from assurance.reviews.clock.models import ClosureDay
from assurance.reviews.clock.selectors import closure_days
from assurance.reviews.clock.services import closure_day_add, review_settings_update
from assurance.reviews.information_requests.demo import demo_answers
from assurance.reviews.information_requests.services import (
    information_answers_save,
    information_requests_send,
)
from assurance.reviews.notifications.models import AgeBand, IncidentType, SeriousIncident
from assurance.reviews.notifications.services import serious_incident_record
from assurance.reviews.practice_reviews.services import (
    practice_review_finding,
    practice_review_record,
)
from assurance.reviews.rapid_reviews.models import Outcome, RapidReview
from assurance.reviews.rapid_reviews.services import (
    rapid_review_meeting_link,
    rapid_review_record,
    rapid_review_scrutinise,
)

LEADS = ("la-lead", "police-lead", "health-lead")


def load_demo_reviews(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or SeriousIncident.objects_for(partnership).exists():
        return
    people = {
        p.email.split("@")[0]: p
        for p in Person.objects_for(partnership).select_related("partnership", "agency", "user")
    }
    if not {"business-unit", "scrutineer", *LEADS} <= set(people):
        return
    with transaction.atomic():
        ReviewsDemo(partnership, people).load()
    if command is not None:
        command.stdout.write("Reviews: a year of serious incidents and rapid reviews")


def _good_friday(before: date) -> date:
    for year in (before.year, before.year - 1):
        for day in rules.bank_holidays(year):
            if rules.bank_holiday_name(day) == "Good Friday" and day < before:
                return day
    raise LookupError("No Good Friday in the last two years")  # pragma: no cover


class ReviewsDemo:
    def __init__(self, partnership: Partnership, people: dict[str, Person]) -> None:
        self.p = partnership
        self.people = people
        self.today = timezone.localdate()
        self.bu = actor_for_person(people["business-unit"])
        self.scrutineer = actor_for_person(people["scrutineer"])
        self.agencies = {a.short_name: a for a in Agency.objects_for(partnership)}

    def actor(self, login: str) -> Actor:
        return actor_for_person(self.people[login])

    def themes(self, *titles: str) -> list[LearningTheme]:
        return list(LearningTheme.objects_for(self.p).filter(title__in=titles))

    def panel(self, *logins: str) -> list[Person]:
        return [self.people[login] for login in logins]

    def involved(self, *short_names: str) -> list[Agency]:
        return [self.agencies[n] for n in short_names if n in self.agencies]

    def closures(self, year: int) -> None:
        """The partnership's offices close between Christmas and New Year."""
        for day in (date(year, 12, 29), date(year, 12, 30), date(year, 12, 31)):
            taken = ClosureDay.objects_for(self.p).filter(day=day).exists()
            if rules.is_working_day(day) and day < self.today and not taken:
                closure_day_add(actor=self.bu, day=day, reason="Offices closed for Christmas")

    def incident(self, aware: date, *, notify_late_by: int = 0, **fields: Any) -> SeriousIncident:
        closures = closure_days(partnership=self.p)
        due = rules.notification_due(aware, closures)
        notified = rules.add_working_days(due, notify_late_by, closures)
        if notified >= self.today:
            notified = None  # type: ignore[assignment]
        return serious_incident_record(
            actor=self.bu,
            became_aware_on=aware,
            notified_on=notified,
            panel_reference=f"NP-{aware:%y%m}-{aware.day:02d}" if notified else "",
            **fields,
        )

    def rapid_review(
        self, incident: SeriousIncident, *, late_by: int = 0, decision: str = "", **fields: Any
    ) -> None:
        closures = closure_days(partnership=self.p)
        due = rules.rapid_review_due(incident.became_aware_on, closures)
        sent = (
            rules.add_working_days(due, late_by, closures) if late_by else due - timedelta(days=1)
        )
        if sent >= self.today:
            return
        record: dict[str, Any] = {"sent_on": sent, **fields}
        if decision:
            decided = rules.add_working_days(sent, 10, closures)
            if decided >= self.today:
                decided = self.today - timedelta(days=1)
            record.update(decision=decision, decided_on=decided)
            rapid_review_meeting_link(
                actor=self.bu, incident=incident, meeting=self.review_meeting(incident, decided)
            )
        rapid_review_record(actor=self.bu, incident=incident, **record)

    def review_meeting(self, incident: SeriousIncident, held_on: date) -> Meeting:
        """The executive's meeting that decides on the rapid review: the three safeguarding
        partners' representatives present, so the decision is theirs."""
        group = Group.objects_for(self.p).get(short_name="LSCP")
        meeting = meeting_create(
            actor=self.bu,
            group=group,
            held_on=held_on,
            location="Northfield Civic Centre",
            minutes=f"Rapid review meeting: serious incident {incident.reference}.",
        )
        present = [
            self.people[login]
            for login in ("group-member", "police-commander", "health-lead", "business-unit")
            if login in self.people
        ]
        attendance_record(actor=self.bu, meeting=meeting, present=present)
        return meeting

    def load(self) -> None:
        today = self.today
        # The last Christmas at least three months ago, so that its review is well under way
        christmas_year = today.year - 1 if today > date(today.year, 3, 31) else today.year - 2
        self.closures(christmas_year)
        # The partnership's settings of the clock: the usual notice; five days for agencies
        review_settings_update(actor=self.bu, notice_working_days=7, information_working_days=5)
        # 1. Just before Christmas: a baby's serious injury; a practice review is under way
        christmas = self.incident(
            date(christmas_year, 12, 23),
            incident_type=IncidentType.SERIOUS_HARM,
            age_band=AgeBand.UNDER_ONE,
            summary="A baby was admitted to hospital with a skull fracture and rib fractures of "
            "different ages. Both parents were known to adult services.",
            area="Northfield town centre",
            agencies=self.involved("Council", "Police", "ICB", "Hospitals"),
            panel=self.panel(*LEADS),
        )
        self.rapid_review(
            christmas,
            recommendation=Outcome.CSPR,
            recommendation_reasons="Agencies did not share what they knew of the father's "
            "violence; the learning is likely to be of national importance.",
            decision=Outcome.CSPR,
            decision_reasons="The safeguarding partners agreed with the rapid review: the "
            "criteria for a local child safeguarding practice review are met.",
            panel_response="The Panel agreed with the decision to carry out a local review.",
            panel_response_on=rules.add_working_days(date(christmas_year + 1, 1, 31), 5),
        )
        rapid_review_scrutinise(
            actor=self.scrutineer,
            incident=christmas,
            scrutineer_review="The decision follows from the rapid review's findings; the "
            "terms of reference should ask how fathers are seen by health visiting.",
            today=rules.add_working_days(date(christmas_year + 1, 2, 10), 1),
        )
        self.practice_review_in_progress(christmas)
        # 2. Just before Easter: the rapid review reached the Panel three working days late
        good_friday = _good_friday(today - timedelta(days=40))
        easter = self.incident(
            good_friday - timedelta(days=1),
            incident_type=IncidentType.SERIOUS_HARM,
            age_band=AgeBand.TEN_TO_FIFTEEN,
            summary="A 14-year-old was found seriously hurt after going missing; exploitation "
            "by an older group is suspected.",
            area="Dale East",
            agencies=self.involved("Council", "Police", "ICB", "Schools"),
            panel=self.panel(*LEADS),
        )
        self.rapid_review(
            easter,
            late_by=3,
            recommendation=Outcome.OTHER_LEARNING,
            recommendation_reasons="The learning is about one school's response to missing "
            "episodes and is already known nationally.",
            decision=Outcome.OTHER_LEARNING,
            decision_reasons="A thematic audit of missing episodes will follow; no practice "
            "review.",
        )
        # 3. A looked-after child's death: Ofsted and the Secretary of State told too
        lac_aware = today - timedelta(days=200)
        closures = closure_days(partnership=self.p)
        lac_notified = rules.notification_due(lac_aware, closures)
        lac = self.incident(
            lac_aware,
            incident_type=IncidentType.DEATH,
            age_band=AgeBand.SIXTEEN_PLUS,
            looked_after=True,
            summary="A 17-year-old in supported accommodation died; the cause is not yet known.",
            area="Northfield West",
            agencies=self.involved("Council", "Police", "ICB"),
            panel=self.panel(*LEADS),
            ofsted_notified_on=lac_notified - timedelta(days=2),
            secretary_of_state_notified_on=lac_notified - timedelta(days=2),
        )
        self.rapid_review(
            lac,
            recommendation=Outcome.NO_CSPR,
            recommendation_reasons="Agencies worked together well; no systemic learning.",
            decision=Outcome.NO_CSPR,
            decision_reasons="No practice review; the coroner's inquest will follow.",
        )
        # 4. A second practice review, decided ten months ago
        neglect = self.incident(
            today - timedelta(days=300),
            incident_type=IncidentType.DEATH,
            age_band=AgeBand.ONE_TO_FOUR,
            summary="A toddler died after long-standing neglect known to several agencies.",
            area="Dale West",
            agencies=self.involved("Council", "Police", "ICB", "Community health"),
            panel=self.panel(*LEADS),
        )
        self.rapid_review(
            neglect,
            recommendation=Outcome.CSPR,
            recommendation_reasons="Drift in a neglect case across several agencies.",
            decision=Outcome.CSPR,
            decision_reasons="The criteria are met and the learning matches our neglect theme.",
        )
        self.practice_review_published(neglect)
        # 5. Notified; the rapid review is being written (the ICB's lead is not on this one):
        # the council's information is in, the police's half written, the ICB's late
        awaiting = self.incident(
            rules.add_working_days(today, -8),
            incident_type=IncidentType.SERIOUS_HARM,
            age_band=AgeBand.FIVE_TO_NINE,
            summary="A child was seriously injured by a dog at a relative's home, where police "
            "had been called twice before.",
            area="Northfield North",
            agencies=self.involved("Council", "Police"),
            panel=self.panel("la-lead", "police-lead"),
        )
        self.information_requests(awaiting)
        # 6. The council became aware two working days ago: not yet notified
        self.incident(
            rules.add_working_days(today, -2),
            incident_type=IncidentType.SERIOUS_HARM,
            age_band=AgeBand.UNDER_ONE,
            summary="A baby was brought to hospital with bruising that the parents could not "
            "explain.",
            area="Dale East",
            agencies=self.involved("Council", "Hospitals"),
            panel=self.panel(*LEADS),
        )

    def information_requests(self, incident: SeriousIncident) -> None:
        """Asked six working days ago (agencies have five): the council answered in time, the
        police have started, the ICB has not (late)."""
        asked = rules.add_working_days(self.today, -6, closure_days(partnership=self.p))
        requests = {
            r.agency.short_name: r
            for r in information_requests_send(
                actor=self.bu,
                incident=incident,
                agencies=self.involved("Council", "Police", "ICB"),
                note="Include any contact with the relative's household.",
                today=asked,
            )
        }
        for short_name, login, submit in (
            ("Council", "la-lead", True),
            ("Police", "police-lead", False),
        ):
            request = requests[short_name]
            information_answers_save(
                actor=self.actor(login),
                request=request,
                answers=demo_answers(request, complete=submit),
                expected_revision=request.assessment.revision,
                submit=submit,
                today=rules.add_working_days(asked, 4) if submit else None,
            )

    def practice_review_in_progress(self, incident: SeriousIncident) -> None:
        rapid = RapidReview.unscoped.filter(incident=incident, decision=Outcome.CSPR).first()
        if rapid is None or rapid.decided_on is None:
            return
        decided = rapid.decided_on
        due = {
            "practitioner_event_due": decided + timedelta(days=60),
            "family_contribution_due": decided + timedelta(days=75),
            "draft_due": decided + timedelta(days=120),
            "final_due": decided + timedelta(days=160),
        }
        done = {
            key.replace("_due", "_on"): when + timedelta(days=3)
            for key, when in due.items()
            if when + timedelta(days=3) < self.today and not key.startswith("final")
        }
        practice_review_record(
            actor=self.bu,
            incident=incident,
            terms_of_reference="How agencies knew of, shared and acted on the risk from the "
            "father's violence; how health visiting saw fathers; what stopped escalation.",
            reviewers="An independent reviewer with a health visiting background, with the "
            "partnership's business manager",
            **due,
            **done,
        )
        if decided + timedelta(days=70) < self.today:
            practice_review_finding(
                actor=self.bu,
                incident=incident,
                title="Fathers and partners are not seen by universal services",
                what_was_learned="The practitioner event found that health visiting and the "
                "GP saw the mother only; nobody asked who else cared for the baby.",
                learned_on=decided + timedelta(days=63),
                themes=self.themes("Sharing information between agencies"),
            )

    def practice_review_published(self, incident: SeriousIncident) -> None:
        """Published within six months; its learning already in the action log."""
        rapid = RapidReview.unscoped.filter(incident=incident, decision=Outcome.CSPR).first()
        if rapid is None or rapid.decided_on is None:
            return
        decided = rapid.decided_on
        closures = closure_days(partnership=self.p)
        published = min(rules.publication_due(decided) - timedelta(days=10), self.today)
        if published >= self.today:
            return
        item = practice_review_finding(
            actor=self.bu,
            incident=incident,
            title="Neglect was seen as low-level because no single incident stood out",
            what_was_learned="Each agency saw a part of the child's neglect; nobody put the "
            "chronology together, so the plan never escalated.",
            learned_on=decided + timedelta(days=90),
            themes=self.themes("Drift in neglect cases"),
        )
        practice_review_record(
            actor=self.bu,
            incident=incident,
            terms_of_reference="How agencies recognised and responded to cumulative neglect.",
            reviewers="Two independent reviewers",
            practitioner_event_due=decided + timedelta(days=45),
            practitioner_event_on=decided + timedelta(days=45),
            family_contribution_due=decided + timedelta(days=60),
            family_contribution_on=decided + timedelta(days=66),
            draft_due=decided + timedelta(days=110),
            draft_on=decided + timedelta(days=108),
            final_due=decided + timedelta(days=150),
            final_on=decided + timedelta(days=148),
            planned_publication_on=published,
            report_sent_on=rules.notice_due(published, 7, closures),
            publication="publish",
            published_on=published,
            publication_link="https://northfield.example/safeguarding/practice-reviews/child-n",
        )
        self.learning_into_action(item, published)

    def learning_into_action(self, item: Any, published: date) -> None:
        """The ARG recommends on the review's learning; the executive accepts it at its next
        meeting; the Response and Delivery Group plans the action."""
        meeting = (
            Meeting.objects_for(self.p)
            .filter(group__short_name="LSCP", held_on__gte=item.learned_on, held_on__lt=self.today)
            .order_by("held_on")
            .first()
        )
        if meeting is None:
            return
        rec = learning_services.learning_recommendation_create(
            actor=self.bu,
            title="Build a multi-agency chronology in every neglect case open a year or more",
            text="From the practice review: every neglect case open for a year or more has a "
            "multi-agency chronology, reviewed at each core group.",
            learning_items=[item],
        )
        MeetingsDemo(self.p).decide(
            meeting,
            rec,
            DecisionOutcome.ACCEPT,
            "The practice review's central finding; within existing resources.",
        )
        rec.refresh_from_db()
        if rec.status != rec.Status.ACCEPTED:
            return
        action_services.action_plan_add(
            actor=self.bu,
            recommendation=rec,
            title="Multi-agency chronology in long-running neglect cases",
            owner_agency=self.people["la-lead"].agency,
            due_date=max(meeting.held_on, published) + timedelta(days=120),
            measure_kind=MeasureKind.DESCRIBED,
            measure="A dip sample of neglect cases open a year or more finds a current "
            "multi-agency chronology in at least 8 of 10.",
        )
