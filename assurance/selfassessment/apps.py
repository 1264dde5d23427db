from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "assurance.selfassessment"
    label = "selfassessment"
    verbose_name = "Self-assessments (Section 11, Section 175/157)"

    def ready(self) -> None:
        from assurance.core.registry import (
            Landing,
            NavItem,
            register_demo,
            register_landing,
            register_nav,
            register_status_colours,
        )
        from assurance.selfassessment.dashboard.services import on_chased
        from assurance.selfassessment.dashboard.tasks import send_chases_enqueue
        from assurance.selfassessment.returns.demo import load_demo_returns
        from assurance.selfassessment.rounds.demo import load_demo_rounds
        from assurance.selfassessment.rounds.models import PARTICIPANT_STATUS_COLOURS
        from assurance.selfassessment.settings.demo import load_demo_settings
        from assurance.selfassessment.settings.models import SETTING_STATUS_COLOURS
        from assurance.selfassessment.surveys.demo import load_demo_surveys
        from assurance.selfassessment.tools.demo import load_demo_tools

        register_nav(
            NavItem(
                "Schools and colleges",
                "selfassessment:setting_list",
                "setting.list",
                50,
                "self-assessment",
                "Self-assessment",
            )
        )
        # A school's or college's user sees their own setting and nothing else (ADR 027)
        register_nav(
            NavItem(
                "Your school or college",
                "selfassessment:own_setting",
                "setting.own",
                50,
                "self-assessment",
            )
        )
        register_landing(Landing("setting.own", "selfassessment:own_setting"))
        register_nav(
            NavItem(
                "Rounds",
                "selfassessment:round_list",
                "self_assessment.view",
                51,
                "self-assessment-rounds",
                "Self-assessment",
            )
        )
        # The rounds' reports: the way in for the members of the executive and the education
        # group (who do not see the rounds' pages), and for the business unit and scrutineer
        register_nav(
            NavItem(
                "Round reports",
                "selfassessment:round_report_list",
                "sa_report.view",
                53,
                "self-assessment-reports",
                "Self-assessment",
            )
        )
        # What staff say: every organisation's survey for the business unit and the scrutineer
        # (from a round's page too), an agency's lead or a school's users their own
        register_nav(
            NavItem(
                "What staff say",
                "selfassessment:survey_list",
                "sa_survey.view",
                52,
                "self-assessment-surveys",
                "Self-assessment",
            )
        )
        register_status_colours("setting", SETTING_STATUS_COLOURS)
        register_status_colours("sa_participant", PARTICIPANT_STATUS_COLOURS)
        register_demo(70, load_demo_settings)
        register_demo(71, load_demo_tools)
        register_demo(72, load_demo_rounds)
        register_demo(73, load_demo_returns)
        register_demo(74, load_demo_surveys)
        # a chase's e-mails are sent by a task, queued once the chases are stored
        on_chased(send_chases_enqueue)
