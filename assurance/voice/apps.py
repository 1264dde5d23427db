from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "assurance.voice"
    label = "voice"
    verbose_name = "Voice of children and families"

    def ready(self) -> None:
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_standing_agenda,
            register_todo,
        )
        from assurance.voice.demo import load_demo_feedback
        from assurance.voice.feedback.todos import duty_todos
        from assurance.voice.summary.selectors import standing_items

        register_nav(NavItem("Voice", "voice:feedback_list", "voice.view", 42, "voice"))
        register_todo(duty_todos)
        register_standing_agenda(standing_items)
        register_demo(70, load_demo_feedback)
