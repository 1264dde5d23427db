from django.apps import AppConfig


class AnnualReportConfig(AppConfig):
    name = "assurance.annualreport"
    label = "annualreport"
    verbose_name = "Annual report"

    def ready(self) -> None:
        from assurance.annualreport.demo import load_demo_annual_report
        from assurance.annualreport.reports.models import REPORT_STATUS_COLOURS
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_status_colours,
        )

        register_nav(
            NavItem(
                "Annual report",
                "annualreport:list",
                "annual_report.view",
                86,
                "annual-report",
                "Partnership",
            )
        )
        register_status_colours("annual_report", REPORT_STATUS_COLOURS)
        register_demo(90, load_demo_annual_report)
