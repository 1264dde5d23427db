from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "assurance.audits"
    label = "audits"
    verbose_name = "Multi-agency case file audits"

    def ready(self) -> None:
        from assurance.audits.demo import load_demo_audits
        from assurance.audits.models import AUDIT_STATUS_COLOURS, RETURN_STATUS_COLOURS
        from assurance.audits.progress import SECTION_STATUS_COLOURS
        from assurance.audits.search import SOURCES
        from assurance.audits.todos import audit_review, audit_todos
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_review,
            register_search,
            register_status_colours,
            register_todo,
        )

        register_nav(NavItem("Audits", "audits:programme", "audit.view", 10, "audits"))
        register_status_colours("audit", AUDIT_STATUS_COLOURS)
        register_status_colours("agency_return", RETURN_STATUS_COLOURS)
        register_status_colours("return_section", SECTION_STATUS_COLOURS)
        register_todo(audit_todos)
        register_review(audit_review)
        register_demo(30, load_demo_audits)
        for source in SOURCES:
            register_search(source)
