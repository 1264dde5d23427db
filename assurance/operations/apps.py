from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "assurance.operations"
    label = "operations"
    verbose_name = "Operations"
