from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "assurance.selfassessment"
    label = "selfassessment"
    verbose_name = "Self-assessments (Section 11, Section 175/157)"

    def ready(self) -> None:
        from assurance.core.registry import (
            Landing,
            NavItem,
            register_action_origins,
            register_demo,
            register_landing,
            register_nav,
            register_status_colours,
            register_todo,
        )
        from assurance.selfassessment.challenges.demo import load_demo_challenges
        from assurance.selfassessment.challenges.models import OUTCOME_COLOURS
        from assurance.selfassessment.challenges.origins import challenge_origins
        from assurance.selfassessment.challenges.todos import challenge_todos
        from assurance.selfassessment.dashboard.services import on_chased
        from assurance.selfassessment.dashboard.tasks import send_chases_enqueue
        from assurance.selfassessment.returns.demo import load_demo_returns
        from assurance.selfassessment.returns.todos import return_todos
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
        # The challenge panel: the returns awaiting it, for the business unit and the members of
        # the group that oversees a round
        register_nav(
            NavItem(
                "Challenge",
                "selfassessment:challenge_list",
                "sa_challenge.record",
                53,
                "self-assessment-challenges",
                "Self-assessment",
            )
        )
        register_status_colours("setting", SETTING_STATUS_COLOURS)
        register_status_colours("sa_challenge", OUTCOME_COLOURS)
        register_status_colours("sa_participant", PARTICIPANT_STATUS_COLOURS)
        register_demo(70, load_demo_settings)
        register_demo(71, load_demo_tools)
        register_demo(72, load_demo_rounds)
        register_demo(73, load_demo_returns)
        register_demo(74, load_demo_surveys)
        register_demo(75, load_demo_challenges)
        # the ways in: an organisation's return to fill in or sign off; the panel's returns to
        # challenge; an action raised at a challenge names where it came from
        register_todo(return_todos)
        register_todo(challenge_todos)
        register_action_origins(challenge_origins)
        # a chase's e-mails are sent by a task, queued once the chases are stored
        on_chased(send_chases_enqueue)
