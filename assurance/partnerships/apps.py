from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "assurance.partnerships"
    label = "partnerships"
    verbose_name = "Partnerships"

    def ready(self) -> None:
        from assurance.core.registry import NavItem, register_nav, register_todo
        from assurance.partnerships.todos import partnership_todos

        register_nav(
            NavItem("Home", "partnerships:partnership_home", "partnership.view", 0, "home")
        )
        register_nav(
            NavItem(
                "Agencies", "partnerships:agency_list", "agency.view", 80, "agencies", "Partnership"
            )
        )
        register_nav(
            NavItem("Groups", "partnerships:group_list", "group.view", 81, "groups", "Partnership")
        )
        register_nav(
            NavItem(
                "Priorities",
                "partnerships:priority_list",
                "priority.view",
                82,
                "priorities",
                "Partnership",
            )
        )
        register_nav(
            NavItem(
                "People", "partnerships:person_list", "person.view", 83, "people", "Partnership"
            )
        )
        register_nav(
            NavItem(
                "Access log",
                "partnerships:access_log",
                "access_log.view",
                84,
                "access_log",
                "Partnership",
            )
        )
        register_todo(partnership_todos)

        from assurance.core.registry import register_demo
        from assurance.partnerships.demo import load_demo_partnerships

        register_demo(0, load_demo_partnerships)
