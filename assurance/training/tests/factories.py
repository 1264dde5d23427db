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
