"""Factories for training's records.

``CourseFactory(partnership=p)`` is a course with two learning outcomes;
``SessionFactory(partnership=p, days=7, capacity=2)`` a session a week away (negative days:
in the past) with its course; ``BookingFactory(session=s, agency=a)`` a confirmed booking
(by default from a new agency of the session's partnership).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import factory
from django.utils import timezone

from assurance.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.courses.models import Course, CourseLevel, LearningOutcome
from assurance.training.sessions.models import Mode, TrainingSession


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Course {n + 1}")
    summary = "What the course covers."
    audience = "Practitioners in every agency"
    level = CourseLevel.CORE

    @factory.post_generation
    def outcomes(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        texts = extracted if extracted is not None else ["Recognise neglect", "Act on it"]
        for order, text in enumerate(texts, start=1):
            LearningOutcome.unscoped.create(
                partnership=self.partnership, course=self, text=text, order=order
            )


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    class Params:
        days = 7

    partnership = factory.SubFactory(PartnershipFactory)
    course = factory.SubFactory(CourseFactory, partnership=factory.SelfAttribute("..partnership"))
    starts_at = factory.LazyAttribute(lambda o: _at(o.days, 9))
    ends_at = factory.LazyAttribute(lambda o: _at(o.days, 13))
    mode = Mode.VENUE
    venue = "Civic Centre, Market Street"
    capacity = 10


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    partnership = factory.SelfAttribute("session.partnership")
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"practitioner{n}@agency.example")
    job_title = "Social worker"
    manager_name = "Morag Manager"
    manager_email = factory.Sequence(lambda n: f"manager{n}@agency.example")
    status = BookingStatus.CONFIRMED
    requested_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


ANSWERED = {"before": 4, "end": 7, "three_months": 6, "manager": 6}


def answer_invitation(invitation: Any, score: int, when: datetime) -> None:
    """Answer a personal link's questionnaire: ``score`` for every rating, a line of practice."""
    from assurance.frameworks.models import Item
    from assurance.training.evaluation.services import questionnaire_for, response_submit

    framework = questionnaire_for(course=invitation.booking.session.course, stage=invitation.stage)
    answers: dict[int, dict[str, Any]] = {}
    for item in Item.objects.filter(section__framework=framework).select_related("scale"):
        if item.scale_id:
            answers[item.pk] = {"option": item.scale.options.get(label=str(score)).pk}
        elif item.code == "P1":
            answers[item.pk] = {"text": "I ask who lives in the household."}
    response_submit(invitation=invitation, framework=framework, answers=answers, now=when)


def session_answered(
    tenant: Any, course: Course, days: int, people: int, scores: dict[str, int] | None = None
) -> TrainingSession:
    """A past session of ``course`` whose ``people`` attendees (from the tenant's school) and
    their managers answered every stage with ``scores`` (stage → rating)."""
    from assurance.training.evaluation.models import Invitation
    from assurance.training.evaluation.services import invitations_create

    scores = scores or ANSWERED
    session = SessionFactory(partnership=tenant.partnership, course=course, days=days)
    bookings = [
        BookingFactory(
            session=session,
            agency=tenant.school,
            confirmed_at=session.starts_at - timedelta(days=20),
            attended=True,
        )
        for _ in range(people)
    ]
    invitations_create(now=session.starts_at - timedelta(days=1))
    invitations_create(now=session.ends_at + timedelta(hours=1))
    moments = {
        "before": session.starts_at - timedelta(hours=2),
        "end": session.ends_at,
        "three_months": session.ends_at + timedelta(days=95),
        "manager": session.ends_at + timedelta(days=96),
    }
    for booking in bookings:
        for stage, score in scores.items():
            invitation = Invitation.unscoped.get(booking=booking, stage=stage)
            answer_invitation(invitation, score, moments[stage])
    return session
