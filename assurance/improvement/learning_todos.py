"""The learning cycle's navigation, to-dos and demo, registered from the app's ready()."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.permissions import Scope
from assurance.core.registry import NavItem, Todo, register_demo, register_nav, register_todo
from assurance.improvement import learning_selectors as selectors
from assurance.improvement.learning_models import Challenge, ChallengeStatus
from assurance.partnerships.access import Actor


def learning_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    slug = actor.partnership.slug
    if actor.can("decision.record"):
        awaiting = selectors.recommendations_awaiting_decision(actor=actor).count()
        if awaiting:
            todos.append(
                Todo(
                    "Put recommendations awaiting decision to the executive",
                    reverse("improvement:recommendation_list", args=[slug]) + "?status=awaiting",
                    count=awaiting,
                    priority=40,
                )
            )
    to_answer = selectors.challenges_to_answer(actor=actor).count()
    if to_answer:
        todos.append(
            Todo(
                "Answer the scrutineer's challenges to your agency"
                if actor.scope("challenge.answer") is Scope.OWN_AGENCY
                else "Challenges awaiting an agency's answer",
                reverse("improvement:challenge_list", args=[slug]) + "?status=open",
                count=to_answer,
                priority=15,
            )
        )
    if actor.can("challenge.record"):
        answered = (
            Challenge.objects_for(actor.partnership).filter(status=ChallengeStatus.ANSWERED).count()
        )
        if answered:
            todos.append(
                Todo(
                    "Judge the answers to your challenges",
                    reverse("improvement:challenge_list", args=[slug]) + "?status=answered",
                    count=answered,
                    priority=15,
                )
            )
    return todos


def register_learning_cycle() -> None:
    from assurance.improvement.learning_demo import load_demo_learning_cycle

    register_nav(
        NavItem(
            "Learning", "improvement:learning_list", "learning.view", 38, "learning", "Learning"
        )
    )
    register_nav(
        NavItem("Meetings", "improvement:meeting_list", "meeting.view", 45, "meetings", "Learning")
    )
    register_nav(
        NavItem(
            "Challenges",
            "improvement:challenge_list",
            "challenge.view",
            47,
            "challenges",
            "Learning",
        )
    )
    register_todo(learning_todos)
    register_demo(50, load_demo_learning_cycle)
