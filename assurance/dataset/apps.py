from django.apps import AppConfig


class DatasetConfig(AppConfig):
    name = "assurance.dataset"
    label = "dataset"
    verbose_name = "Multi-agency data set"

    def ready(self) -> None:
        from assurance.core.registry import register_demo
        from assurance.dataset.demo import load_demo_dataset

        register_demo(20, load_demo_dataset)
