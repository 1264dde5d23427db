from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "assurance.improvement"
    label = "improvement"
    verbose_name = "Learning and improvement"

    def ready(self) -> None:
        from assurance.core.registry import NavItem, register_nav

        register_nav(NavItem("Actions", "improvement:action_list", "action.view", 40, "actions"))

        from assurance.core.registry import register_demo
        from assurance.improvement.action_demo import load_demo_actions

        register_demo(60, load_demo_actions)

        from assurance.core.registry import register_todo
        from assurance.improvement.action_todos import action_todos

        register_todo(action_todos)

        from assurance.improvement.learning_todos import register_learning_cycle

        register_learning_cycle()
