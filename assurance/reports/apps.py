from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "assurance.reports"
    label = "reports"
    verbose_name = "Reports"
