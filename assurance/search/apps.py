from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "assurance.search"
    label = "search"
    verbose_name = "Search"
