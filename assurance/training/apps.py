from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "assurance.training"
    label = "training"
    verbose_name = "Multi-agency training and its evaluation"
