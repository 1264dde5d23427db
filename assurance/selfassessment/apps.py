from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "assurance.selfassessment"
    label = "selfassessment"
    verbose_name = "Self-assessments (Section 11, Section 175/157)"

    def ready(self) -> None:
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_status_colours,
        )
        from assurance.selfassessment.settings.demo import load_demo_settings
        from assurance.selfassessment.settings.models import SETTING_STATUS_COLOURS
        from assurance.selfassessment.tools.demo import load_demo_tools

        register_nav(
            NavItem(
                "Schools and colleges",
                "selfassessment:setting_list",
                "setting.view",
                50,
                "self-assessment",
                "Self-assessment",
            )
        )
        register_status_colours("setting", SETTING_STATUS_COLOURS)
        register_demo(70, load_demo_settings)
        register_demo(71, load_demo_tools)
