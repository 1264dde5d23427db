from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "assurance.improvement"
    label = "improvement"
    verbose_name = "Learning and improvement"

    def ready(self) -> None:
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_follow_ups,
            register_nav,
            register_review,
            register_search,
            register_status_colours,
            register_todo,
        )
        from assurance.improvement.actions.demo import load_demo_actions
        from assurance.improvement.actions.models import IMPACT_OUTCOME_COLOURS
        from assurance.improvement.actions.search import SOURCES as ACTION_SOURCES
        from assurance.improvement.actions.status import STATUS_COLOURS
        from assurance.improvement.actions.todos import action_review, action_todos
        from assurance.improvement.demo import load_demo_learning_cycle
        from assurance.improvement.learning.models import RECOMMENDATION_STATUS_COLOURS
        from assurance.improvement.learning.search import SOURCES as LEARNING_SOURCES
        from assurance.improvement.learning.todos import learning_todos
        from assurance.improvement.meetings.search import SOURCES as MEETING_SOURCES
        from assurance.improvement.meetings.todos import decision_review
        from assurance.improvement.scrutiny.models import CHALLENGE_STATUS_COLOURS
        from assurance.improvement.scrutiny.todos import challenge_review, challenge_todos
        from assurance.improvement.thread.selectors import follow_ups

        register_nav(NavItem("Actions", "improvement:action_list", "action.view", 40, "actions"))
        register_nav(
            NavItem(
                "Learning", "improvement:learning_list", "learning.view", 38, "learning", "Learning"
            )
        )
        register_nav(
            NavItem(
                "Meetings", "improvement:meeting_list", "meeting.view", 45, "meetings", "Learning"
            )
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
        register_todo(action_todos)
        register_todo(learning_todos)
        register_todo(challenge_todos)
        register_follow_ups(follow_ups)
        register_review(challenge_review)
        register_review(decision_review)
        register_review(action_review)
        register_status_colours("action", STATUS_COLOURS)
        register_status_colours("impact", IMPACT_OUTCOME_COLOURS)
        register_status_colours("recommendation", RECOMMENDATION_STATUS_COLOURS)
        register_status_colours("challenge", CHALLENGE_STATUS_COLOURS)
        register_demo(50, load_demo_learning_cycle)
        register_demo(60, load_demo_actions)
        for source in (*LEARNING_SOURCES, *ACTION_SOURCES, *MEETING_SOURCES):
            register_search(source)
