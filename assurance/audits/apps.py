from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "assurance.audits"
    label = "audits"
    verbose_name = "Multi-agency case file audits"
