from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "assurance.frameworks"
    label = "frameworks"
    verbose_name = "Frameworks (the assessment engine)"

    def ready(self) -> None:
        from assurance.core.registry import NavItem, register_demo, register_nav
        from assurance.frameworks.demo import load_example_frameworks

        register_nav(
            NavItem("Audit tools", "frameworks:list", "framework.view", 20, "frameworks", "Audits")
        )
        register_demo(10, load_example_frameworks)
