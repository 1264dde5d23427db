"""Northfield's year of multi-agency training for ``manage.py demo``: 8 courses, 40 sessions
(most in the past year, some to come), a trainer pool and about 600 bookings from every agency,
with the registers of past sessions taken. Made through the services (courses, sessions,
trainers) and, for the many bookings, in bulk with their history."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.dataset.collection.models import CollectionRound
from assurance.dataset.collection.sources import system_values_refresh
from assurance.improvement.actions import services as action_services
from assurance.improvement.actions.models import Action, DeliveryType, MeasureKind
from assurance.partnerships.access import Actor, actor_for_person
from assurance.partnerships.models import Partnership, Person, Priority
from assurance.partnerships.selectors import working_agencies
from assurance.training.bookings.models import Booking, BookingStatus, new_respondent_id
from assurance.training.courses.models import Course, CourseLevel
from assurance.training.courses.services import course_save
from assurance.training.evaluation.demo import load_demo_evaluation
from assurance.training.sessions.models import Mode
from assurance.training.sessions.services import session_save, trainer_save

COURSES: list[dict[str, Any]] = [
    {
        "title": "Recognising and responding to neglect",
        "level": CourseLevel.CORE,
        "audience": "Practitioners in every agency who work with children and families",
        "summary": "Using the Graded Care Profile 2 to recognise neglect early, evidence it and "
        "act on it together, before it becomes chronic.",
        "outcomes": [
            "Recognise the signs of neglect, including drift in long-running cases",
            "Use the Graded Care Profile 2 with a family",
            "Escalate when a multi-agency plan is not improving a child's life",
        ],
        "priority": "neglect",
        "delivers": True,  # the action of the log it delivers (DELIVERED_ACTION)
    },
    {
        "title": "Child exploitation: criminal and sexual",
        "level": CourseLevel.CORE,
        "audience": "Practitioners who work with adolescents",
        "summary": "Spotting exploitation, the language of victims, and the partnership's "
        "exploitation pathway and screening tool.",
        "outcomes": [
            "Recognise indicators of criminal and sexual exploitation",
            "Complete the exploitation screening tool",
            "Use language that does not blame the child",
        ],
        "priority": "exploitation",
    },
    {
        "title": "Domestic abuse and its impact on children",
        "level": CourseLevel.CORE,
        "audience": "Practitioners in every agency",
        "summary": "Children as victims of domestic abuse in their own right; risk assessment, "
        "MARAC and Operation Encompass.",
        "outcomes": [
            "Recognise children as victims of domestic abuse in their own right",
            "Use the DASH risk checklist and know when to refer to MARAC",
            "Share information under Operation Encompass",
        ],
        "priority": "domestic",
    },
    {
        "title": "Introduction to safeguarding children",
        "level": CourseLevel.INTRODUCTORY,
        "audience": "Everyone who works or volunteers with children",
        "summary": "What abuse and neglect are, what to do if you are worried, and how to make "
        "a referral to the front door.",
        "outcomes": [
            "Know the four categories of abuse",
            "Know how to raise a concern and make a referral",
        ],
        "priority": "",
    },
    {
        "title": "Professional curiosity and challenge",
        "level": CourseLevel.ADVANCED,
        "audience": "Lead practitioners, supervisors and managers",
        "summary": "Lessons from local and national reviews on curiosity, disguised compliance "
        "and respectful challenge between agencies; the escalation policy.",
        "outcomes": [
            "Recognise disguised compliance",
            "Challenge another agency's decision using the escalation policy",
        ],
        "priority": "",
    },
    {
        "title": "Safer sleep and infants",
        "level": CourseLevel.CORE,
        "audience": "Midwives, health visitors, family practitioners and social workers",
        "summary": "Sudden unexpected death in infancy and the risks that add up; the "
        "partnership's safer-sleep assessment.",
        "outcomes": [
            "Explain safer sleep to parents, including in changed circumstances",
            "Complete the safer-sleep assessment",
        ],
        "priority": "",
    },
    {
        "title": "Working with fathers and male carers",
        "level": CourseLevel.CORE,
        "audience": "Practitioners in every agency",
        "summary": "Seeing the men in a child's life: assessing risk and resilience, engaging "
        "fathers, and recording who lives in the household.",
        "outcomes": [
            "Identify every adult in a child's household",
            "Engage fathers and male carers in assessment and plans",
        ],
        "priority": "",
    },
    {
        "title": "Harmful sexual behaviour",
        "level": CourseLevel.ADVANCED,
        "audience": "Designated safeguarding leads and social workers",
        "summary": "The Hackett continuum, the AIM assessment and a proportionate multi-agency "
        "response to harmful sexual behaviour by children.",
        "outcomes": [
            "Place behaviour on the Hackett continuum",
            "Plan a proportionate response with other agencies",
        ],
        "priority": "",
    },
]

TRAINERS = [
    ("Grace Okafor", "LA", "Neglect, Graded Care Profile 2"),
    ("Tom Hughes", "POL", "Exploitation, domestic abuse"),
    ("Priya Nair", "ICB", "Safer sleep, infants"),
    ("Daniel Byrne", "LA", "Professional curiosity, reviews"),
    ("Helen Moss", "ICB", "Domestic abuse"),
    ("Sam Clarke", "LA", "Introduction to safeguarding"),
]

FIRST = [
    "Amy",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Femi",
    "Gita",
    "Harry",
    "Isla",
    "Jack",
    "Kiran",
    "Leah",
    "Mo",
    "Nina",
    "Owen",
    "Pia",
    "Raj",
    "Sara",
    "Tariq",
    "Uma",
    "Will",
    "Zara",
]
LAST = [
    "Adams",
    "Begum",
    "Carter",
    "Dunn",
    "Evans",
    "Fox",
    "Green",
    "Hall",
    "Iqbal",
    "Jones",
    "Khan",
    "Lee",
    "Mills",
    "Novak",
    "Patel",
    "Reid",
    "Shah",
    "Taylor",
    "Walsh",
    "Young",
]
JOBS = [
    "Social worker",
    "Health visitor",
    "School nurse",
    "Police constable",
    "Designated safeguarding lead",
    "Family support worker",
    "Midwife",
    "Youth worker",
]


def load_demo_training(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or Course.objects_for(partnership).exists():
        return
    with transaction.atomic():
        _load(partnership)
    if command is not None:
        command.stdout.write(
            "Training: 8 courses, 40 sessions, their bookings and evaluation answers"
        )


def _bu(partnership: Partnership) -> Actor:
    return _person(partnership, "business-unit")


def _person(partnership: Partnership, login: str) -> Actor:
    person = Person.objects_for(partnership).get(email__startswith=f"{login}@")
    return actor_for_person(person)


# The action of Northfield's log that the neglect course delivers: measured by the change in the
# practitioners trained, it takes the course's three-month change as its impact once complete.
DELIVERED_ACTION = (
    "Train practitioners in every agency to recognise neglect early and use the Graded Care "
    "Profile 2"
)
DELIVERED_MEASURE = (
    "Practitioners' own ratings of their knowledge and confidence against the course's learning "
    "outcomes rise from before the course to three months after, in the same people."
)


def _delivered_action(partnership: Partnership, bu: Actor) -> Action | None:
    """The action the neglect course delivers, planned by the business unit for the council's
    lead (none when the demo has no council lead)."""
    if not Person.objects_for(partnership).filter(email__startswith="la-lead@").exists():
        return None
    lead = _person(partnership, "la-lead")
    if lead.person.agency is None:
        return None
    return action_services.action_create(
        actor=bu,
        title=DELIVERED_ACTION,
        owner_agency=lead.person.agency,
        owner=lead.person,
        due_date=timezone.localdate() - timedelta(days=14),
        measure_kind=MeasureKind.TRAINING,
        measure=DELIVERED_MEASURE,
        delivery_type=DeliveryType.TRAINING,
    )


def _complete_delivered_action(partnership: Partnership, action: Action, course: Course) -> None:
    """The council's lead attaches the course as evidence and completes the action: the platform
    measures its impact from the course's evaluation (nothing about the result is written
    here)."""
    lead = _person(partnership, "la-lead")
    action_services.evidence_add(
        actor=lead,
        action=action,
        description="The course, its sessions over the year and their attendance registers",
        link=f"/p/{partnership.slug}/training/courses/{course.pk}/",
    )
    action_services.action_complete(
        actor=lead, action=action, completed_on=timezone.localdate() - timedelta(days=14)
    )


def _load(partnership: Partnership) -> None:
    bu = _bu(partnership)
    rng = random.Random(2026)
    agencies = list(working_agencies(partnership=partnership))
    by_short = {a.short_name: a for a in agencies}
    trainers = [
        trainer_save(
            actor=bu,
            name=name,
            agency=by_short.get(short),
            email=f"{name.split()[0].lower()}.trainer@northfield.example",
            specialisms=specialisms,
        )
        for name, short, specialisms in TRAINERS
    ]
    priorities = list(Priority.objects_for(partnership))
    action = _delivered_action(partnership, bu)
    courses = []
    for spec in COURSES:
        linked = [p for p in priorities if spec["priority"] and spec["priority"] in p.title.lower()]
        courses.append(
            course_save(
                actor=bu,
                title=spec["title"],
                summary=spec["summary"],
                audience=spec["audience"],
                level=spec["level"],
                outcomes=spec["outcomes"],
                priorities=linked,
                actions=[action] if action is not None and spec.get("delivers") else [],
            )
        )
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    sessions = []
    for index in range(40):
        course = courses[index % len(courses)]
        # 32 sessions over the past year, 8 in the coming two months.
        offset = -360 + index * 11 if index < 32 else 7 + (index - 32) * 7
        day = today + timedelta(days=offset)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        online = index % 3 == 0
        sessions.append(
            session_save(
                actor=bu,
                course=course,
                starts_at=timezone.make_aware(datetime.combine(day, time(9, 30)), zone),
                ends_at=timezone.make_aware(datetime.combine(day, time(13, 0)), zone),
                mode=Mode.ONLINE if online else Mode.VENUE,
                venue="Microsoft Teams: the link is sent with the confirmation"
                if online
                else "Northfield Civic Centre, Market Street, Northfield NF1 1AA",
                capacity=16,
                trainers=rng.sample(trainers, 2),
            )
        )
    now = timezone.now()
    bookings: list[Booking] = []
    for index, session in enumerate(sessions):
        past = session.starts_at < now
        count = 16 if index % 5 else 18  # some sessions over-subscribed: a waiting list
        for n in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            agency = rng.choice(agencies)
            requested = session.starts_at - timedelta(days=rng.randint(5, 40))
            status = BookingStatus.CONFIRMED if n < session.capacity else BookingStatus.WAITING
            if n == 3 and index % 4 == 0:
                status = BookingStatus.CANCELLED
            attended = None
            if past and status == BookingStatus.CONFIRMED:
                attended = rng.random() > 0.12  # about one in eight does not come
            if not past and n == count - 1 and index % 2:
                status = BookingStatus.UNCONFIRMED
            bookings.append(
                Booking(
                    partnership=partnership,
                    session=session,
                    agency=agency,
                    name=f"{first} {last}",
                    email=f"{first}.{last}.{index}.{n}@{agency.short_name.lower()}.example",
                    job_title=rng.choice(JOBS),
                    manager_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    manager_email=f"manager.{index}.{n}@{agency.short_name.lower()}.example",
                    status=status,
                    requested_at=requested,
                    confirmed_at=None if status == BookingStatus.UNCONFIRMED else requested,
                    cancelled_at=requested + timedelta(days=2)
                    if status == BookingStatus.CANCELLED
                    else None,
                    attended=attended,
                    respondent_id=new_respondent_id(),
                )
            )
    bulk_create_with_history(bookings, Booking, batch_size=500, default_user=bu.user)
    load_demo_evaluation(partnership=partnership, now=now, user=bu.user, seed=2026)
    if action is not None:
        delivering = next(
            c for c, spec in zip(courses, COURSES, strict=True) if spec.get("delivers")
        )
        _complete_delivered_action(partnership, action, delivering)
    # the registers fill the data set's multi-agency training indicator of each quarter held
    for round in CollectionRound.objects_for(partnership):
        system_values_refresh(round=round, person=bu.person, reason="Registers of the demo")
