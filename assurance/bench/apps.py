from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "assurance.bench"
    label = "bench"
    verbose_name = "Benchmarks"
