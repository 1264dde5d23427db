"""The demo's evaluation answers for Northfield's year of training: each past session's
attendees answered before, at the end and three months on, and their managers, with the
attrition seen in practice (most answer before and at the end, under half three months on,
fewer managers). "Recognising and responding to neglect" shows a clear gain that lasts;
"Working with fathers and male carers" shows none. Written in bulk, with history, on the
questionnaires the service generates from each course's learning outcomes."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from simple_history.utils import bulk_create_with_history

from assurance.frameworks.assessments import framework_freeze
from assurance.frameworks.models import Answer, Assessment, Framework, Item, ResponseType
from assurance.partnerships.models import Partnership
from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course
from assurance.training.evaluation import questions, rules
from assurance.training.evaluation.models import Invitation, Response, Stage
from assurance.training.evaluation.services import invitations_create, questionnaire_for

CLEAR_GAIN = "Recognising and responding to neglect"
NO_GAIN = "Working with fathers and male carers"
# Mean change in a rating: (before → end, before → three months).
EFFECTS = {CLEAR_GAIN: (2.6, 2.2), NO_GAIN: (0.0, 0.0)}
DEFAULT_EFFECT = (1.6, 0.9)
# Who answers, of those asked (the manager's: see below).
ANSWER_RATE = {Stage.BEFORE: 0.85, Stage.END: 0.9, Stage.THREE_MONTHS: 0.45}
CHANGED = [
    "I now check who else lives in the household at every visit and record it.",
    "I use the escalation policy when a plan is drifting, instead of waiting for the review.",
    "I ask about the child's day-to-day care and write down what I see, not only what I am told.",
    "I share concerns with the school and health visitor sooner, and follow them up in writing.",
    "I take a chronology to supervision when I am worried about drift.",
    "Not much yet: I have not had a case where it applied.",
    "I speak to the child on their own more often and record their words.",
]
REACTIONS = [
    "Talk to colleagues in other agencies earlier.",
    "Use the tool with families on my caseload.",
    "Challenge when I disagree with a decision, and record it.",
]


def _clip(value: float) -> int:
    return max(1, min(10, round(value)))


def load_demo_evaluation(*, partnership: Partnership, now: datetime, user: Any, seed: int) -> None:
    rng = random.Random(seed)
    courses = list(Course.objects_for(partnership).order_by("pk"))
    frameworks: dict[tuple[int, str], Framework] = {}
    items: dict[int, list[Item]] = {}
    for course in courses:
        for stage in Stage.values:
            framework = framework_freeze(framework=questionnaire_for(course=course, stage=stage))
            frameworks[course.pk, stage] = framework
            items[framework.pk] = list(
                Item.objects.filter(section__framework=framework)
                .select_related("section", "scale")
                .prefetch_related("scale__options")
                .order_by("section__order", "order")
            )
    options = {
        item.pk: {o.order: o.pk for o in item.scale.options.all()}
        for found in items.values()
        for item in found
        if item.scale is not None
    }
    attendees = Booking.objects_for(partnership).filter(attended=True).select_related("session")
    invitations: list[Invitation] = []
    planned: list[tuple[Booking, str, datetime, dict[int, dict[str, Any]]]] = []
    for booking in attendees.order_by("pk"):
        session = booking.session
        course_title = next(c.title for c in courses if c.pk == session.course_id)
        end_gain, later_gain = EFFECTS.get(course_title, DEFAULT_EFFECT)
        base: dict[str, float] = {}  # outcome-measure key → their rating before
        done: set[str] = set()
        for stage in Stage.values:
            opens, closes = rules.window(
                stage=stage,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                confirmed_at=booking.confirmed_at,
            )
            if opens > now:
                continue
            if stage == Stage.MANAGER:  # managers answer more often when the practitioner did
                chance = 0.6 if Stage.THREE_MONTHS in done else 0.15
            else:
                chance = ANSWER_RATE[Stage(stage)]
            answered = rng.random() < chance
            at = min(opens + timedelta(days=rng.randint(0, 6)), closes - timedelta(hours=1))
            invitations.append(
                Invitation(
                    partnership=partnership,
                    booking=booking,
                    stage=stage,
                    opens_at=opens,
                    closes_at=closes,
                    sends=1 if answered else min(3, 1 + rules.REMINDERS),
                    last_sent_at=opens,
                    answered_at=at if answered and at <= now else None,
                )
            )
            if not answered or at > now:
                continue
            done.add(stage)
            framework = frameworks[session.course_id, stage]
            answers: dict[int, dict[str, Any]] = {}
            for item in items[framework.pk]:
                code = questions.outcome_of(item.section.code)
                if code is not None:
                    key = f"{code}{item.code}"
                    before = base.setdefault(key, rng.gauss(4.6, 1.4))
                    gain = {
                        Stage.BEFORE: 0.0,
                        Stage.END: end_gain,
                        Stage.THREE_MONTHS: later_gain,
                        Stage.MANAGER: later_gain - 0.4,
                    }[Stage(stage)]
                    noise = 0.0 if stage == Stage.BEFORE else rng.gauss(0, 1.1)
                    answers[item.pk] = {"option": options[item.pk][_clip(before + gain + noise)]}
                elif item.response_type == ResponseType.SCALE:
                    answers[item.pk] = {"option": options[item.pk][_clip(rng.gauss(8, 1))]}
                elif item.code == "P1" and rng.random() < 0.7:
                    answers[item.pk] = {"text": rng.choice(CHANGED)}
                elif item.code == "R2" and rng.random() < 0.5:
                    answers[item.pk] = {"text": rng.choice(REACTIONS)}
            planned.append((booking, stage, at, answers))
    bulk_create_with_history(invitations, Invitation, batch_size=500, default_user=user)
    assessments = [
        Assessment(partnership=partnership, framework=frameworks[b.session.course_id, stage])
        for b, stage, _at, _answers in planned
    ]
    assessments = bulk_create_with_history(
        assessments, Assessment, batch_size=500, default_user=user
    )
    rows: list[Answer] = []
    responses: list[Response] = []
    for assessment, (booking, stage, at, answers) in zip(assessments, planned, strict=True):
        for item_pk, value in answers.items():
            rows.append(
                Answer(
                    assessment=assessment,
                    item_id=item_pk,
                    option_id=value.get("option"),
                    text=value.get("text", ""),
                )
            )
        responses.append(
            Response(
                partnership=partnership,
                course_id=booking.session.course_id,
                session=booking.session,
                stage=stage,
                respondent_id=booking.respondent_id,
                assessment=assessment,
                submitted_at=at,
            )
        )
    bulk_create_with_history(rows, Answer, batch_size=1000, default_user=user)
    bulk_create_with_history(responses, Response, batch_size=500, default_user=user)
    # The invitations still to come: before the sessions ahead, three months on for recent ones.
    invitations_create(now=now)
