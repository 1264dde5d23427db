from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "assurance.improvement"
    label = "improvement"
    verbose_name = "Learning and improvement"
